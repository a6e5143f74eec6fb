package org.tongxin.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;
import org.tongxin.support.ShiftFixture;

/**
 * The access audit (docs/privacy.md): reads of someone else's sealed data leave a record, reads of
 * one's own do not; the records are append-only and chained, and the walk finds an edit; a read
 * whose record cannot be written answers 503 without the data.
 */
@QuarkusTest
class AuditTest {

    @Test
    void staffReadsOfTheRegisterAndOfCareRequestsAreRecordedAndTheOwnersAreNot() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(org);
        String entry = staff.as().body(Map.of("householdId", org.householdId(), "name", "赵大爷", "category", "ELDERLY_ALONE"))
                .post("/api/vulnerable-persons").then().statusCode(201).extract().path("id");
        String requestId = "audit-test-" + UUID.randomUUID();
        staff.as().header("X-Request-Id", requestId).get("/api/vulnerable-persons?communityId=" + org.communityId()).then()
                .statusCode(200).header("X-Request-Id", requestId);
        admin.as().get("/api/audit?subjectId=" + entry).then().statusCode(200).body("total", equalTo(2))
                .body("items[0].action", equalTo("WRITE")).body("items[1].action", equalTo("READ"))
                .body("items[1].kind", equalTo("REGISTER")).body("items[1].actorId", equalTo(staff.id().toString()))
                .body("items[1].role", equalTo("COMMUNITY_STAFF")).body("items[1].scopeId", equalTo(org.communityId().toString()))
                .body("items[1].requestId", equalTo(requestId)).body("items[1].rowCount", equalTo(1));

        Api.User resident = OrderFixture.household(staff, org);
        String mine = resident.as().body(Map.of("type", "MEDICINE", "description", "硝苯地平")).post("/api/care-requests")
                .then().statusCode(201).extract().path("id");
        resident.as().get("/api/care-requests/" + mine).then().statusCode(200).body("description", equalTo("硝苯地平"));
        resident.as().get("/api/care-requests/mine").then().statusCode(200);
        admin.as().get("/api/audit?subjectId=" + mine).then().statusCode(200).body("total", equalTo(0));
        staff.as().get("/api/care-requests/" + mine).then().statusCode(200).body("description", equalTo("硝苯地平"));
        staff.as().get("/api/care-requests?communityId=" + org.communityId()).then().statusCode(200);
        admin.as().get("/api/audit?subjectId=" + mine + "&kind=CARE_REQUEST").then().statusCode(200).body("total", equalTo(2))
                .body("items.actorId", hasItem(staff.id().toString()));
        admin.as().get("/api/audit?actorId=" + resident.id()).then().statusCode(200).body("total", equalTo(0));

        staff.as().get("/api/audit").then().spec(problem(403, "FORBIDDEN"));
        staff.as().get("/api/audit/verify").then().spec(problem(403, "FORBIDDEN"));
        admin.as().get("/api/audit?kind=NOSUCH").then().statusCode(400);
        String csv = admin.as().get("/api/audit?format=csv&actorId=" + staff.id()).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("seq,at,actorId") && csv.contains(requestId), csv);
        admin.as().get("/api/audit?kind=AUDIT_EXPORT&actorId=" + admin.id()).then().statusCode(200).body("total", greaterThan(0));
    }

    @Test
    void staffDeliverySheetsAndVolunteersRecordsAreRecordedAndASuppliersSheetIsNot() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(org);
        UUID rice = OrderFixture.product(staff, org, "大米", 5, "粮油公司");
        UUID window = OrderFixture.openWindow(staff, org, Map.of(rice, 100));
        for (int i = 0; i < 2; i++) {
            OrderFixture.household(staff, org).as().header("Idempotency-Key", "audit-" + i).body(OrderFixture.order(window, rice, 1))
                    .post("/api/orders").then().statusCode(201);
        }
        staff.as().get("/api/ordering-windows/" + window + "/summary?format=csv").then().statusCode(200);
        OrderFixture.supplier(staff, org, "粮油公司").as().get("/api/ordering-windows/" + window + "/summary?format=csv")
                .then().statusCode(200);
        admin.as().get("/api/audit?kind=DELIVERY_SHEET&actorId=" + staff.id()).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].subjectScope", equalTo(window.toString())).body("items[0].rowCount", equalTo(2))
                .body("items[0].subjectIds.size()", equalTo(0));
        admin.as().get("/api/audit?kind=DELIVERY_SHEET&from=" + java.time.OffsetDateTime.now().minusMinutes(5).toString().replace("+", "%2B"))
                .then().statusCode(200).body("items.role", not(hasItem("SUPPLIER")));

        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        String volunteerId = volunteer.as().get("/api/volunteers/me").then().statusCode(200).extract().path("id");
        admin.as().get("/api/audit?subjectId=" + volunteerId).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].kind", equalTo("VOLUNTEER")).body("items[0].actorId", equalTo(staff.id().toString()));
        staff.as().get("/api/volunteers?communityId=" + org.communityId()).then().statusCode(200);
        admin.as().get("/api/audit?subjectId=" + volunteerId).then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void testingCodeSheetsAndMembersReadByOthersAreRecordedAndAResidentsOwnAreNot() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(org);
        Api.User resident = Api.resident();
        String joinCode = staff.as().body(Map.of("room", "902")).post("/api/buildings/" + org.buildingId() + "/households")
                .then().statusCode(201).extract().path("joinCode");
        String household = resident.as().body(Map.of("joinCode", joinCode)).post("/api/me/household").then().statusCode(200)
                .extract().path("householdId");
        String member = resident.as().body(Map.of("name", "周小红")).post("/api/households/" + household + "/members")
                .then().statusCode(201).extract().path("id");
        resident.as().get("/api/households/" + household + "/sheet.pdf").then().statusCode(200);
        resident.as().get("/api/households/" + household + "/members").then().statusCode(200);
        admin.as().get("/api/audit?subjectId=" + member).then().statusCode(200).body("total", equalTo(0));
        admin.as().get("/api/audit?kind=TESTING_CODE&actorId=" + resident.id()).then().statusCode(200).body("total", equalTo(0));

        staff.as().get("/api/households/" + household + "/members").then().statusCode(200);
        admin.as().get("/api/audit?subjectId=" + member).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].kind", equalTo("HOUSEHOLD_MEMBER"));
        staff.as().get("/api/grids/" + org.gridId() + "/sheets.pdf").then().statusCode(200);
        admin.as().get("/api/audit?kind=TESTING_CODE&actorId=" + staff.id()).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].subjectScope", equalTo(org.gridId().toString())).body("items[0].rowCount", equalTo(2));
    }

    @Test
    void recordsAreAppendOnlyForEveryRoleAndTheWalkFindsAnEdit() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(org);
        staff.as().body(Map.of("householdId", org.householdId(), "name", "钱奶奶", "category", "DISABLED"))
                .post("/api/vulnerable-persons").then().statusCode(201);
        // Many readers at once: the chain does not fork.
        Parallel.times(16, i -> staff.as().get("/api/vulnerable-persons?communityId=" + org.communityId()).then().statusCode(200));
        admin.as().get("/api/audit/verify").then().statusCode(200).body("ok", equalTo(true)).body("firstBreakSeq", nullValue())
                .body("checked", greaterThan(16));

        long last = Db.count("SELECT max(seq) FROM audit_record");
        assertThrows(Exception.class, () -> Db.sql("UPDATE audit_record SET row_count = 0 WHERE seq = ?", last));
        assertThrows(Exception.class, () -> Db.sql("DELETE FROM audit_record WHERE seq = ?", last));
        assertThrows(Exception.class, () -> Db.sql("TRUNCATE audit_record"));
        assertEquals(List.of("INSERT", "SELECT"), Db.strings("""
                SELECT privilege_type FROM information_schema.role_table_grants
                WHERE table_name = 'audit_record' AND grantee = current_user ORDER BY privilege_type"""));

        // Someone who can switch the guard off (a superuser) edits a record: the walk names it.
        long edited = last - 3;
        Db.sql("""
                DO $$ BEGIN
                    ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only;
                    UPDATE audit_record SET row_count = row_count + 1 WHERE seq = %d;
                    ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only;
                END $$""".formatted(edited));
        try {
            admin.as().get("/api/audit/verify").then().statusCode(200).body("ok", equalTo(false))
                    .body("firstBreakSeq", equalTo((int) edited));
        } finally {
            Db.sql("""
                    DO $$ BEGIN
                        ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only;
                        UPDATE audit_record SET row_count = row_count - 1 WHERE seq = %d;
                        ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only;
                    END $$""".formatted(edited));
        }
        admin.as().get("/api/audit/verify").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void aReadWhoseRecordCannotBeWrittenAnswers503WithoutTheData() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(org);
        staff.as().body(Map.of("householdId", org.householdId(), "name", "孙阿姨", "category", "PREGNANT"))
                .post("/api/vulnerable-persons").then().statusCode(201);
        Db.sql("ALTER TABLE audit_record ADD CONSTRAINT audit_test_refuses CHECK (row_count < 0) NOT VALID");
        try {
            String body = staff.as().get("/api/vulnerable-persons?communityId=" + org.communityId()).then()
                    .spec(problem(503, "AUDIT_UNAVAILABLE")).extract().asString();
            assertTrue(!body.contains("孙阿姨"), body);
        } finally {
            Db.sql("ALTER TABLE audit_record DROP CONSTRAINT audit_test_refuses");
        }
        staff.as().get("/api/vulnerable-persons?communityId=" + org.communityId()).then().statusCode(200)
                .body("items[0].name", equalTo("孙阿姨"));
    }
}
