package org.tongxin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.PackagedService;
import org.tongxin.support.ShiftFixture;

/**
 * The packaged service ({@code quarkus-run.jar}, its own JVM, the prod profile, configured as an
 * operator would: {@link PackagedService}) does a district's day: the first admin through the
 * bootstrap code, the organisation tree, staff through an invitation, an order, a claimed shift, a
 * published notice in a resident's feed, a care request, and the refusals. It is also the training
 * run of the JDK AOT cache (quarkus.package.jar.aot.enabled): what it exercises is what a start
 * with the cache finds already loaded and linked, so it walks every feature once.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedService.class, restrictToAnnotatedClass = true)
class PackagedServiceIT {

    @Test
    void aDistrictsDayOnThePackagedService() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        // The outbox's gauges are there from the start, not only once their job has run (10 s in).
        given().get("/q/metrics").then().statusCode(200).body(containsString("tongxin_notice_deliveries_due "),
                containsString("tongxin_notice_delivery_oldest_due_seconds "));

        // The first admin: a resident who accepts the bootstrap code.
        Api.User first = Api.resident();
        first.as().body(Map.of("code", PackagedService.bootstrapCode())).post("/api/invitations/accept")
                .then().statusCode(200);
        Api.User admin = Api.refresh(first);
        admin.as().get("/api/me").then().statusCode(200).body("roles", hasItem("DISTRICT_ADMIN"));

        // The tree, and the community's staff by invitation.
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        String invitation = admin.as().body(Map.of("role", "COMMUNITY_STAFF", "scopeId", org.communityId(), "maxUses", 1))
                .post("/api/invitations").then().statusCode(201).extract().path("code");
        Api.User invited = Api.resident();
        invited.as().body(Map.of("code", invitation)).post("/api/invitations/accept").then().statusCode(200);
        Api.User staff = Api.refresh(invited);

        // An order from a household.
        UUID product = OrderFixture.product(staff, org, "蔬菜包", 2);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 10));
        Api.User household = OrderFixture.household(staff, org);
        household.as().get("/api/catalog?communityId=" + org.communityId()).then().statusCode(200);
        household.as().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(OrderFixture.order(window, product, 1)).post("/api/orders").then().statusCode(201);
        household.as().get("/api/orders/mine").then().statusCode(200).body("items.size()", equalTo(1));
        household.as().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(OrderFixture.order(window, product, 5)).post("/api/orders")
                .then().spec(problem(409, "LIMIT_EXCEEDED"));

        // A volunteer claims a checkpoint shift.
        UUID checkpoint = ShiftFixture.checkpoint(staff, org, 2);
        List<UUID> shifts = ShiftFixture.day(staff, checkpoint, ShiftFixture.future());
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        volunteer.as().post("/api/shifts/" + shifts.get(1) + "/claims").then().statusCode(201);
        volunteer.as().post("/api/shifts/" + shifts.get(1) + "/claims").then().spec(problem(409, "ALREADY_CLAIMED"));

        // A notice to the community, in the household's feed.
        String notice = staff.as().body(Map.of("title", "明日核酸检测安排", "body", "**明早 7:00** 在1号楼下排队。",
                        "scope", Map.of("type", "COMMUNITY", "id", org.communityId()), "channels", List.of("FEED")))
                .post("/api/notices").then().statusCode(201).extract().path("id");
        staff.as().post("/api/notices/" + notice + "/publish").then().statusCode(202);
        household.as().get("/api/notices/feed").then().statusCode(200).body("items.id", hasItem(notice));

        // A care request, seen by the community's staff.
        String care = household.as().body(Map.of("type", "MEDICINE", "description", "需要代购降压药 2 盒"))
                .post("/api/care-requests").then().statusCode(201).extract().path("id");
        staff.as().get("/api/care-requests?communityId=" + org.communityId()).then().statusCode(200)
                .body("items.id", hasItem(care));

        // Refusals: no token, a malformed body, someone else's resource.
        given().get("/api/me").then().spec(problem(401, "UNAUTHORIZED"));
        household.as().body("{\"windowId\":").header("Idempotency-Key", "broken").post("/api/orders")
                .then().spec(problem(400, "MALFORMED_JSON"));
        volunteer.as().get("/api/care-requests/" + care).then().spec(problem(404, "CARE_REQUEST_NOT_FOUND"));
        given().options("/api/streets").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS, POST");
        admin.as().delete("/api/streets").then().spec(problem(405, "METHOD_NOT_ALLOWED")).header("Allow", "GET, HEAD, OPTIONS, POST");
        volunteer.as().post("/api/auth/logout").then().statusCode(204);
        volunteer.as().get("/api/me").then().spec(problem(401, "UNAUTHORIZED"));

        // Operations: the contract it serves is the one in docs/, and the requests are counted.
        String served = given().accept(ContentType.ANY).get("/q/openapi?format=yaml").then().statusCode(200)
                .extract().asString();
        assertEquals(Files.readString(Path.of("docs/openapi.yaml")), served,
                "the packaged service serves docs/openapi.yaml");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/api/orders\"}"));
    }
}
