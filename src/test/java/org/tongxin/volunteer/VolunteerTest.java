package org.tongxin.volunteer;

import static org.hamcrest.Matchers.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.OrgFixture;

/** Applications, decisions by the community's staff, the directory and the volunteer's own page. */
@QuarkusTest
class VolunteerTest {

    @Test
    void approvedApplicantBecomesVolunteerOfTheCommunity() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        Api.User applicant = Api.resident();
        String id = applicant.as().body(application(org.communityId(), "王芳", List.of("MEDICAL", "DRIVING")))
                .post("/api/volunteer-applications").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("skills", contains("DRIVING", "MEDICAL"))
                .extract().path("id");
        staff.as().get("/api/volunteer-applications?communityId=" + org.communityId() + "&status=PENDING").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].name", equalTo("王芳"));
        staff.as().body(Map.of("team", "党员先锋队")).post("/api/volunteer-applications/" + id + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("team", equalTo("党员先锋队"));
        applicant.as().get("/api/volunteers/me").then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("APPROVED"))
                .body("communityId", equalTo(org.communityId().toString()))
                .body("serviceMinutes", equalTo(0)).body("upcomingShifts", empty());
        Api.refresh(applicant).as().get("/api/me").then().body("roles", hasItem("VOLUNTEER"))
                .body("scopes.find { it.role == 'VOLUNTEER' }.communityId", equalTo(org.communityId().toString()));
    }

    @Test
    void oneOpenApplicationPerPersonAndCommunity() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User applicant = ShiftFixture.applicant(org);
        applicant.as().body(application(org.communityId(), "李四", List.of())).post("/api/volunteer-applications").then()
                .spec(problem(409, "APPLICATION_EXISTS"));
        OrgFixture other = OrgFixture.streetToHousehold(Api.districtAdmin());
        applicant.as().body(application(other.communityId(), "李四", List.of())).post("/api/volunteer-applications").then()
                .statusCode(201);
    }

    @Test
    void rejectedPersonSeesTheReasonAndMayApplyAgain() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        Api.User applicant = ShiftFixture.applicant(org);
        String id = applicant.as().get("/api/volunteers/me").then().extract().path("id");
        staff.as().body(Map.of()).post("/api/volunteer-applications/" + id + "/reject").then().spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("reason"));
        staff.as().body(Map.of("reason", "请先完成核酸检测")).post("/api/volunteer-applications/" + id + "/reject").then()
                .statusCode(200).body("status", equalTo("REJECTED"));
        applicant.as().get("/api/volunteers/me").then().body("status", equalTo("REJECTED"))
                .body("rejectReason", equalTo("请先完成核酸检测"));
        staff.as().post("/api/volunteer-applications/" + id + "/approve").then().spec(problem(409, "APPLICATION_NOT_PENDING"));
        applicant.as().body(application(org.communityId(), "张三", List.of("OTHER"))).post("/api/volunteer-applications")
                .then().statusCode(201);
        applicant.as().get("/api/volunteers/me").then().body("status", equalTo("PENDING"));
    }

    @Test
    void onlyStaffOfTheCommunityDecide() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        OrgFixture other = OrgFixture.streetToHousehold(admin);
        Api.User applicant = ShiftFixture.applicant(org);
        String id = applicant.as().get("/api/volunteers/me").then().extract().path("id");
        Api.User otherStaff = ShiftFixture.staff(other);
        otherStaff.as().post("/api/volunteer-applications/" + id + "/approve").then().spec(problem(403, "FORBIDDEN"));
        otherStaff.as().get("/api/volunteer-applications?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
        applicant.as().post("/api/volunteer-applications/" + id + "/approve").then().spec(problem(403, "FORBIDDEN"));
        Api.resident().as().get("/api/volunteer-applications?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
        Api.withRole(Role.STREET_ADMIN, org.street()).as().post("/api/volunteer-applications/" + id + "/approve")
                .then().statusCode(200);
        otherStaff.as().post("/api/volunteer-applications/" + UUID.randomUUID() + "/approve").then().spec(problem(404, "APPLICATION_NOT_FOUND"));
    }

    @Test
    void staffListVolunteersByTeamAndSkill() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        approve(staff, org, "医生甲", List.of("MEDICAL"), "党员先锋队");
        approve(staff, org, "司机乙", List.of("DRIVING"), "党员先锋队");
        approve(staff, org, "护工丙", List.of("ELDERLY_CARE", "MEDICAL"), null);
        String base = "/api/volunteers?communityId=" + org.communityId();
        staff.as().get(base).then().statusCode(200).body("total", equalTo(3));
        staff.as().get(base + "&team=党员先锋队").then().body("items.name", containsInAnyOrder("医生甲", "司机乙"));
        staff.as().get(base + "&skill=MEDICAL").then().body("items.name", containsInAnyOrder("医生甲", "护工丙"));
        staff.as().get(base + "&team=党员先锋队&skill=MEDICAL").then().body("items.name", contains("医生甲"));
        Api.resident().as().get(base).then().spec(problem(403, "FORBIDDEN"));
    }

    @Test
    void badApplicationsAre4xx() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User u = Api.resident();
        u.as().body(application(org.communityId(), "x", List.of("FLYING"))).post("/api/volunteer-applications").then()
                .spec(problem(400, "VALIDATION_FAILED")).contentType("application/problem+json");
        u.as().body(application(org.communityId(), "名".repeat(100), List.of())).post("/api/volunteer-applications").then()
                .spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("name"));
        u.as().body(application(UUID.randomUUID(), "x", List.of())).post("/api/volunteer-applications").then()
                .spec(problem(404, "COMMUNITY_NOT_FOUND"));
        u.as().get("/api/volunteers/me").then().spec(problem(404, "NOT_A_VOLUNTEER"));
        u.as().get("/api/volunteer-applications").then().spec(problem(400, "VALIDATION_FAILED"));
    }

    private static void approve(Api.User staff, OrgFixture org, String name, List<String> skills, String team) {
        Api.User u = Api.resident();
        String id = u.as().body(application(org.communityId(), name, skills)).post("/api/volunteer-applications")
                .then().statusCode(201).extract().path("id");
        staff.as().body(team == null ? Map.of() : Map.of("team", team)).post("/api/volunteer-applications/" + id + "/approve")
                .then().statusCode(200);
    }

    private static Map<String, Object> application(UUID communityId, String name, List<String> skills) {
        return Map.of("name", name, "communityId", communityId, "skills", skills, "partyMember", false,
                "availability", "工作日晚上", "note", "住在 3 号楼");
    }
}
