package org.tongxin.care;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.ShiftFixture;

/** Care requests from filing to confirmation, by the right people only (docs/care.md). */
@QuarkusTest
class CareRequestTest {

    @Test
    void aRequestGoesFromTheResidentToConfirmationByTheRightPeopleOnly() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        Api.User resident = OrderFixture.household(staff, org);
        Api.User neighbour = OrderFixture.household(staff, org);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        String id = resident.as().body(Map.of("type", "MEDICINE", "description", "需要代购降压药：硝苯地平缓释片 2 盒"))
                .post("/api/care-requests").then().statusCode(201).header("Location", containsString("/api/care-requests/"))
                .body("status", equalTo("SUBMITTED")).body("priority", nullValue()).body("registered", nullValue())
                .extract().path("id");
        String path = "/api/care-requests/" + id;

        neighbour.as().get(path).then().spec(problem(404, "CARE_REQUEST_NOT_FOUND"));
        neighbour.as().post(path + "/cancel").then().spec(problem(404, "CARE_REQUEST_NOT_FOUND"));
        resident.as().body(Map.of("priority", "P2")).post(path + "/triage").then().spec(problem(403, "FORBIDDEN"));
        staff.as().post(path + "/accept").then().spec(problem(403, "FORBIDDEN"));
        staff.as().body(Map.of("assigneeId", volunteer.id())).post(path + "/assign").then().spec(problem(409, "BAD_TRANSITION"));
        staff.as().body(Map.of("priority", "P2")).post(path + "/triage").then().statusCode(200)
                .body("status", equalTo("TRIAGED")).body("priority", equalTo("P2")).body("registered", equalTo(false));
        staff.as().body(Map.of("priority", "P1")).post(path + "/triage").then().spec(problem(409, "BAD_TRANSITION"));
        staff.as().body(Map.of("assigneeId", neighbour.id())).post(path + "/assign").then().spec(problem(400, "ASSIGNEE_NOT_ELIGIBLE"));
        staff.as().body(Map.of("assigneeId", volunteer.id())).post(path + "/assign").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("assigneeId", equalTo(volunteer.id().toString()));
        volunteer.as().get("/api/care-requests/assigned").then().statusCode(200).body("items.id", hasItem(id));

        resident.as().post(path + "/accept").then().spec(problem(403, "FORBIDDEN"));
        volunteer.as().body(Map.of("note", "已送达")).post(path + "/complete").then().spec(problem(409, "BAD_TRANSITION"));
        volunteer.as().post(path + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        resident.as().post(path + "/cancel").then().spec(problem(409, "BAD_TRANSITION"));
        volunteer.as().body(Map.of("note", "药已送到，放在门口，已电话告知")).post(path + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        volunteer.as().body(Map.of("rating", 5)).post(path + "/confirm").then().spec(problem(403, "FORBIDDEN"));
        resident.as().body(Map.of("rating", 6)).post(path + "/confirm").then().spec(problem(400, "VALIDATION_FAILED"));
        resident.as().body(Map.of("rating", 5, "comment", "谢谢志愿者")).post(path + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("rating", equalTo(5));
        resident.as().body(Map.of("rating", 4)).post(path + "/confirm").then().spec(problem(409, "BAD_TRANSITION"));
        resident.as().get("/api/care-requests/mine").then().statusCode(200).body("items[0].id", equalTo(id))
                .body("items[0].completionNote", equalTo("药已送到，放在门口，已电话告知"));
        volunteer.as().get("/api/care-requests/assigned").then().statusCode(200).body("items.id", not(hasItem(id)));
        resident.as().get("/api/notices/feed").then().statusCode(200)
                .body("items.title", hasItems("您的求助已有人接单", "您的求助已办结"));

        // Personal data sealed at rest.
        assertEquals(0, Db.count("SELECT count(*) FROM care_request WHERE position(convert_to('硝苯地平', 'UTF8') in description_enc) > 0"
                + " OR position(convert_to('放在门口', 'UTF8') in completion_note_enc) > 0"));
    }

    @Test
    void anEmergencyStartsAtP1TellsTheStaffAndRegisteredHouseholdsComeFirst() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        Api.User plain = OrderFixture.household(staff, org);
        Api.User registered = OrderFixture.household(staff, org);
        UUID registeredHousehold = UUID.fromString(registered.as().get("/api/me").then().statusCode(200).extract().path("householdId"));
        staff.as().body(Map.of("householdId", registeredHousehold, "name", "李奶奶", "category", "ELDERLY_ALONE"))
                .post("/api/vulnerable-persons").then().statusCode(201);
        String first = file(plain, "OTHER", null);
        String second = file(registered, "OTHER", null);
        for (String id : List.of(first, second)) {
            staff.as().body(Map.of("priority", "P2")).post("/api/care-requests/" + id + "/triage").then().statusCode(200);
        }
        List<String> order = staff.as().get("/api/care-requests?communityId=" + org.communityId()).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertEquals(List.of(second, first), order, "a registered household first within the same priority");

        Api.User gridWorker = Api.withRole(Role.GRID_WORKER, org.grid());
        UUID plainHousehold = UUID.fromString(plain.as().get("/api/me").then().extract().path("householdId"));
        String emergency = file(gridWorker, "EMERGENCY", plainHousehold);
        staff.as().get("/api/care-requests/" + emergency).then().statusCode(200).body("priority", equalTo("P1"));
        assertEquals(emergency, staff.as().get("/api/care-requests?communityId=" + org.communityId()).then().extract().path("items[0].id"));
        staff.as().get("/api/care-requests?communityId=" + org.communityId() + "&size=1&page=1").then().statusCode(200)
                .body("items.id", equalTo(List.of(second))).body("total", equalTo(3));
        gridWorker.as().get("/api/care-requests?communityId=" + org.communityId()).then().statusCode(200).body("total", equalTo(3));
        staff.as().get("/api/notices/feed").then().statusCode(200).body("items.title", hasItem("紧急求助待处理"));
        staff.as().get("/api/care-requests?communityId=" + org.communityId() + "&priority=P2").then().statusCode(200)
                .body("items.id", containsInAnyOrder(first, second));

        Api.resident().as().body(Map.of("type", "OTHER", "description", "x")).post("/api/care-requests")
                .then().spec(problem(400, "HOUSEHOLD_REQUIRED"));
        plain.as().body(Map.of("type", "OTHER", "description", "x", "householdId", registeredHousehold)).post("/api/care-requests")
                .then().spec(problem(403, "FORBIDDEN"));
        plain.as().get("/api/care-requests?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
        plain.as().body(Map.of("type", "NOT_A_TYPE", "description", "x")).post("/api/care-requests")
                .then().spec(problem(400, "VALIDATION_FAILED"));

        // Each emergency alerts every staff member: three an hour per household, whoever files them.
        file(plain, "EMERGENCY", null);
        file(plain, "EMERGENCY", null);
        long before = Db.count("SELECT count(*) FROM care_request WHERE household_id = ?", plainHousehold);
        plain.as().body(Map.of("type", "EMERGENCY", "description", "又一次")).post("/api/care-requests")
                .then().spec(problem(429, "EMERGENCY_LIMIT")).header("Retry-After", notNullValue());
        gridWorker.as().body(Map.of("type", "EMERGENCY", "description", "代报", "householdId", plainHousehold))
                .post("/api/care-requests").then().spec(problem(429, "EMERGENCY_LIMIT"));
        assertEquals(before, Db.count("SELECT count(*) FROM care_request WHERE household_id = ?", plainHousehold));
        file(plain, "MEDICINE", null);
    }

    private static String file(Api.User who, String type, UUID household) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "description", "请帮忙：" + type));
        if (household != null) {
            body.put("householdId", household);
        }
        return who.as().body(body).post("/api/care-requests").then().statusCode(201).extract().path("id");
    }

    @Test
    void aRevokedAssigneeLosesTheRequestWhichGoesBackToTriageAndStaffAreTold() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        Api.User resident = OrderFixture.household(staff, org);
        UUID household = UUID.fromString(resident.as().get("/api/me").then().statusCode(200).extract().path("householdId"));
        staff.as().body(Map.of("householdId", household, "name", "张爷爷", "category", "ELDERLY_ALONE"))
                .post("/api/vulnerable-persons").then().statusCode(201);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        Api.User worker = Api.withRole(Role.GRID_WORKER, org.grid());

        for (Api.User assignee : List.of(volunteer, worker)) {
            String role = assignee == volunteer ? "VOLUNTEER" : "GRID_WORKER";
            String id = resident.as().body(Map.of("type", "MEDICINE", "description", "需要代购胰岛素，电话 13812345678"))
                    .post("/api/care-requests").then().statusCode(201).extract().path("id");
            String path = "/api/care-requests/" + id;
            staff.as().body(Map.of("priority", "P2")).post(path + "/triage").then().statusCode(200);
            staff.as().body(Map.of("assigneeId", assignee.id())).post(path + "/assign").then().statusCode(200);
            assignee.as().post(path + "/accept").then().statusCode(200);
            if (assignee == volunteer) {
                assignee.as().get(path).then().statusCode(200).body("registered", nullValue());
            }
            String grant = staff.as().get("/api/grants?communityId=" + org.communityId() + "&role=" + role).then().statusCode(200)
                    .extract().path("items.find { it.userId == '" + assignee.id() + "' }.id");
            staff.as().delete("/api/grants/" + grant).then().statusCode(204);

            Api.User former = Api.refresh(assignee);
            former.as().get(path).then().spec(problem(404, "CARE_REQUEST_NOT_FOUND"));
            former.as().body(Map.of("note", "已送达")).post(path + "/complete").then().spec(problem(404, "CARE_REQUEST_NOT_FOUND"));
            former.as().get("/api/care-requests/assigned").then().statusCode(200).body("items.id", not(hasItem(id)));
            staff.as().get(path).then().statusCode(200).body("status", equalTo("TRIAGED")).body("assigneeId", nullValue())
                    .body("registered", equalTo(true));
            staff.as().get("/api/notices/feed").then().statusCode(200).body("items.title", hasItem("求助需重新指派"));
            staff.as().body(Map.of("assigneeId", assignee.id())).post(path + "/assign").then()
                    .spec(problem(400, "ASSIGNEE_NOT_ELIGIBLE"));
        }
    }
}
