package org.tongxin.auth;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.ShiftFixture;

/** Listing who holds which role, and taking roles back. */
@QuarkusTest
class GrantTest {

    @Test
    void revokingAVolunteerWithdrawsTheirFutureShiftsAndEndsTheRoleAtOnce() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        List<UUID> day = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 2), ShiftFixture.future());
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        volunteer.as().post("/api/shifts/" + day.get(0) + "/claims").then().statusCode(201);
        volunteer.as().post("/api/shifts/" + day.get(1) + "/claims").then().statusCode(201);
        String grant = staff.as().get("/api/grants?communityId=" + org.communityId() + "&role=VOLUNTEER").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].userId", equalTo(volunteer.id().toString()))
                .extract().path("items[0].id");

        staff.as().delete("/api/grants/" + grant).then().statusCode(204);
        assertEquals(0, Db.count("SELECT count(*) FROM shift_claim WHERE user_id = ?", volunteer.id()));
        assertEquals(0, Db.count("SELECT sum(taken) FROM shift WHERE id IN (?, ?)", day.get(0), day.get(1)));
        volunteer.as().get("/api/volunteers/me").then().spec(problem(401, "UNAUTHORIZED"));
        Api.User after = Api.refresh(volunteer);
        after.as().get("/api/volunteers/me").then().statusCode(200).body("status", equalTo("REVOKED"))
                .body("upcomingShifts", empty());
        after.as().post("/api/shifts/" + day.get(2) + "/claims").then().spec(problem(403, "VOLUNTEER_REQUIRED"));
        ShiftFixture.volunteer(org, staff).as().post("/api/shifts/" + day.get(0) + "/claims").then().statusCode(201);
        after.as().body(Map.of("name", "再次申请", "communityId", org.communityId(), "skills", List.of("OTHER"),
                "partyMember", false)).post("/api/volunteer-applications").then().statusCode(201);
    }

    @Test
    void aRevokedStaffRoleStopsWorkingWithTheNextRequest() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        staff.as().body(Map.of("name", "二网格")).post("/api/communities/" + org.communityId() + "/grids").then().statusCode(201);
        String grant = admin.as().get("/api/grants?communityId=" + org.communityId() + "&role=COMMUNITY_STAFF").then()
                .statusCode(200).extract().path("items[0].id");
        admin.as().delete("/api/grants/" + grant).then().statusCode(204);
        staff.as().body(Map.of("name", "三网格")).post("/api/communities/" + org.communityId() + "/grids").then()
                .spec(problem(401, "UNAUTHORIZED"));
        Api.refresh(staff).as().body(Map.of("name", "三网格")).post("/api/communities/" + org.communityId() + "/grids").then()
                .spec(problem(403, "FORBIDDEN"));
    }

    @Test
    void nobodyRevokesTheirOwnRoleOrOneOutsideTheirScope() {
        Api.User admin = Api.districtAdmin();
        OrgFixture a = OrgFixture.streetToHousehold(admin);
        OrgFixture b = OrgFixture.streetToHousehold(admin);
        Api.User staffOfA = Api.withRole(Role.COMMUNITY_STAFF, a.community());
        Api.User workerOfB = Api.withRole(Role.GRID_WORKER, b.grid());
        String own = staffOfA.as().get("/api/grants?communityId=" + a.communityId()).then().statusCode(200)
                .extract().path("items.find { it.userId == '" + staffOfA.id() + "' }.id");
        staffOfA.as().delete("/api/grants/" + own).then().spec(problem(409, "GRANT_IS_YOURS"));
        String ofB = admin.as().get("/api/grants?communityId=" + b.communityId() + "&role=GRID_WORKER").then()
                .extract().path("items[0].id");
        staffOfA.as().delete("/api/grants/" + ofB).then().spec(problem(403, "ROLE_NOT_INVITABLE"));
        staffOfA.as().get("/api/grants?communityId=" + b.communityId()).then().statusCode(200).body("total", equalTo(0));
        staffOfA.as().delete("/api/grants/" + UUID.randomUUID()).then().spec(problem(404, "GRANT_NOT_FOUND"));
        Api.resident().as().get("/api/grants").then().statusCode(200).body("total", equalTo(0));
        workerOfB.as().get("/api/grants").then().statusCode(200).body("items.userId", hasItem(workerOfB.id().toString()));
    }
}
