package org.tongxin.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.RawHttp;

/**
 * What a contract fuzzer found at the HTTP edge: bodies of the wrong kind, methods a route does not
 * have (405 without Allow, OPTIONS listing the same methods everywhere), numbers and empty strings
 * quietly coerced, control characters in parameters, and unmatched paths multiplying the metrics'
 * tags. Each answers a problem+json 4xx with a stable code, and none
 * writes an ERROR to the log.
 */
@QuarkusTest
class HttpEdgeTest {

    private static final Path LOG = Path.of("target/quarkus-test.log");

    @Test
    void aFormBodyIsRefusedAs415WithoutAnErrorInTheLog() throws Exception {
        long errorsBefore = errorLines();
        for (String body : new String[] {"=0.0", "%ZZ=1", "a=" + "x".repeat(3000), "code=ok-1"}) {
            for (String target : new String[] {"/api/auth/wx-login", "/api/no-such-path"}) {
                given().contentType("application/x-www-form-urlencoded").body(body).post(target).then()
                        .spec(problem(415, "UNSUPPORTED_MEDIA_TYPE"));
            }
        }
        given().contentType("text/plain").body("hello").post("/api/auth/wx-login").then()
                .spec(problem(415, "UNSUPPORTED_MEDIA_TYPE"));
        given().contentType("multipart/form-data; boundary=x").body("--x--".getBytes()).post("/api/auth/wx-login").then()
                .spec(problem(415, "UNSUPPORTED_MEDIA_TYPE"));
        assertEquals(errorsBefore, errorLines(), "a malformed body must not log an ERROR");
    }

    @Test
    void aMethodTheRouteDoesNotHaveAnswers405WithTheMethodsItHasAndOptionsNamesThem() {
        Api.User admin = Api.districtAdmin();
        admin.as().delete("/api/streets").then().spec(problem(405, "METHOD_NOT_ALLOWED"))
                .header("Allow", "GET, HEAD, OPTIONS, POST");
        admin.as().head("/api/streets").then().statusCode(200);
        given().options("/api/streets").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS, POST");
        given().options("/api/auth/wx-login").then().statusCode(204).header("Allow", "OPTIONS, POST");
        admin.as().put("/api/auth/wx-login").then().spec(problem(405, "METHOD_NOT_ALLOWED")).header("Allow", "OPTIONS, POST");
        given().options("/api/orders/" + UUID.randomUUID() + "/cancel").then().statusCode(204).header("Allow", "OPTIONS, POST");
        given().options("/api/orders/mine").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS");
        given().options("/api/no-such-route").then().spec(problem(404, "NOT_FOUND"));
    }

    @Test
    void numbersAreNotTruncatedAndEmptyStringsAreNotAbsentValues() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        String tomorrow = LocalDate.now().plusDays(1).toString();
        staff.as().body(Map.of("date", tomorrow, "fromHour", 8.9, "toHour", 10, "minutes", 30, "capacity", 5))
                .post("/api/communities/" + org.communityId() + "/pickup-slots").then().spec(problem(400, "VALIDATION_FAILED"))
                .body("violations.field", hasItem("fromHour"));
        staff.as().body(Map.of("type", "OTHER", "description", "x", "householdId", ""))
                .post("/api/care-requests").then().spec(problem(400, "VALIDATION_FAILED"))
                .body("violations.field", hasItem("householdId"));
        staff.as().get("/api/communities/" + org.communityId() + "/pickup-slots?date=").then()
                .spec(problem(400, "VALIDATION_FAILED")).body("violations.field", hasItem("date"));
        staff.as().get("/api/communities/" + org.communityId() + "/coverage?to=").then()
                .spec(problem(400, "VALIDATION_FAILED")).body("violations.field", hasItem("to"));
    }

    @Test
    void aControlCharacterInAParameterIsRefusedNamingIt() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        admin.as().urlEncodingEnabled(false).get("/api/volunteers?communityId=" + org.communityId() + "&team=a%00b").then()
                .spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("team"));
        admin.as().urlEncodingEnabled(false).get("/api/communities/a%07b").then()
                .spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("id"));
    }

    @Test
    void unmatchedPathsShareOneMetricsTag() throws Exception {
        Api.districtAdmin().as().get("/api/streets").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            given().get("/api/hostile-" + UUID.randomUUID()).then().spec(problem(404, "NOT_FOUND"));
            given().get("/hostile-" + UUID.randomUUID()).then().statusCode(404);
            given().contentType("application/x-www-form-urlencoded").body("a=1").post("/api/hostile-" + UUID.randomUUID())
                    .then().spec(problem(415, "UNSUPPORTED_MEDIA_TYPE"));
            assertEquals(400, RawHttp.get("/api/hostile-" + UUID.randomUUID() + "/{x}").status());
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(java.util.List.of(), metrics.lines().filter(l -> l.contains("hostile-")).toList(),
                "an unmatched path became a tag");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("status=\"404\"") && l.contains("uri=\"NOT_FOUND\"")), "unmatched requests are counted as NOT_FOUND");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("status=\"415\"") && l.contains("uri=\"/UNMATCHED\"")),
                () -> "edge refusals are counted as UNMATCHED: " + metrics.lines().filter(l -> l.contains("status=\"415\"")).toList());
        assertTrue(metrics.contains("uri=\"/api/streets\""), "matched requests keep their template");
    }

    private static long errorLines() throws Exception {
        return Files.exists(LOG) ? Files.readAllLines(LOG).stream().filter(l -> l.contains(" ERROR ")).count() : 0;
    }
}
