package org.tongxin.care;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.common.OrgLocation;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.ShiftFixture;

/** The vulnerable-person register: staff in scope only, names sealed (docs/care.md). */
@QuarkusTest
class VulnerableRegisterTest {

    @Test
    void staffInScopeKeepTheRegisterAndNobodyElseSeesIt() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        String name = "王秀英" + UUID.randomUUID().toString().substring(0, 4);
        staff.as().body(entry(org.householdId(), name, "ELDERLY_ALONE", "独居，患有高血压，每周需买药")).post("/api/vulnerable-persons")
                .then().statusCode(201).header("Location", containsString("/api/vulnerable-persons/"))
                .body("name", equalTo(name)).body("category", equalTo("ELDERLY_ALONE"));
        staff.as().get("/api/vulnerable-persons?communityId=" + org.communityId()).then().statusCode(200)
                .body("items.name", hasItem(name)).body("items.note", hasItem("独居，患有高血压，每周需买药"));

        Api.User gridWorker = Api.withRole(Role.GRID_WORKER, org.grid());
        gridWorker.as().get("/api/vulnerable-persons?communityId=" + org.communityId()).then().statusCode(200)
                .body("items.name", hasItem(name));
        UUID otherGrid = UUID.fromString(admin.as().body(Map.of("name", "二网格")).post("/api/communities/" + org.communityId() + "/grids")
                .then().statusCode(201).extract().path("id"));
        Api.User otherGridWorker = Api.withRole(Role.GRID_WORKER, new OrgLocation(org.streetId(), org.communityId(), otherGrid, null, null));
        otherGridWorker.as().get("/api/vulnerable-persons?communityId=" + org.communityId()).then().statusCode(200)
                .body("items.name", not(hasItem(name))).body("total", equalTo(0));
        // Paged, and counted, in SQL within the caller's reach.
        staff.as().body(entry(org.householdId(), "李四", "DISABLED", null)).post("/api/vulnerable-persons").then().statusCode(201);
        staff.as().get("/api/vulnerable-persons?communityId=" + org.communityId() + "&size=1&page=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].name", equalTo("李四")).body("total", equalTo(2));
        staff.as().get("/api/vulnerable-persons?communityId=" + org.communityId() + "&size=101").then()
                .spec(problem(400, "VALIDATION_FAILED"));
        otherGridWorker.as().body(entry(org.householdId(), "张三", "OTHER", null)).post("/api/vulnerable-persons")
                .then().spec(problem(403, "FORBIDDEN"));

        Api.User resident = OrderFixture.household(staff, org);
        resident.as().get("/api/vulnerable-persons?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
        resident.as().body(entry(org.householdId(), "张三", "OTHER", null)).post("/api/vulnerable-persons")
                .then().spec(problem(403, "FORBIDDEN"));
        ShiftFixture.volunteer(org, staff).as().get("/api/vulnerable-persons?communityId=" + org.communityId())
                .then().spec(problem(403, "FORBIDDEN"));
        Api.withRole(Role.COMMUNITY_STAFF, OrgFixture.streetToHousehold(admin).community()).as()
                .get("/api/vulnerable-persons?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));

        staff.as().body(entry(org.householdId(), "张三", "UNKNOWN_KIND", null)).post("/api/vulnerable-persons")
                .then().spec(problem(400, "VALIDATION_FAILED"));
        staff.as().body(entry(UUID.randomUUID(), "张三", "OTHER", null)).post("/api/vulnerable-persons")
                .then().spec(problem(404, "HOUSEHOLD_NOT_FOUND"));

        // Sealed at rest, and not in the log.
        assertEquals(2, Db.count("SELECT count(*) FROM vulnerable_person WHERE household_id = ?", org.householdId()));
        assertEquals(0, Db.count("SELECT count(*) FROM vulnerable_person WHERE position(convert_to(?, 'UTF8') in name_enc) > 0"
                + " OR position(convert_to('独居', 'UTF8') in note_enc) > 0", name));
        assertFalse(Files.readString(Path.of("target/quarkus-test.log")).contains(name));
    }

    private static Map<String, Object> entry(UUID household, String name, String category, String note) {
        Map<String, Object> body = new HashMap<>(Map.of("householdId", household, "name", name, "category", category));
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }
}
