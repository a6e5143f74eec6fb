package org.tongxin.rounds;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;
import org.tongxin.support.ShiftFixture;

/** docs/testing-rounds.md: a household's people, their sealed testing codes, and the volunteer who looks after it. */
@QuarkusTest
class HouseholdMemberTest {

    private static final String CODE = "https://hsjc.example.gov.cn/qr?v=2&id=3701021990AB12&sig=Zm9vYmFy";

    @Test
    void aResidentListsTheHouseholdsPeopleAndTheirCodesStaySealed() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User resident = joined(org);
        String grandma = resident.as().body(Map.of("name", "王秀英")).post("/api/households/" + org.householdId() + "/members")
                .then().statusCode(201).body("nameMasked", equalTo("王*英")).body("hasTestingCode", equalTo(false))
                .extract().path("id");
        resident.as().body(Map.of("name", "王明")).post("/api/households/" + org.householdId() + "/members").then().statusCode(201);
        resident.as().body(Map.of("code", CODE)).put("/api/household-members/" + grandma + "/testing-code").then().statusCode(204);

        String list = resident.as().get("/api/households/" + org.householdId() + "/members").then().statusCode(200)
                .body("nameMasked", contains("王*英", "王*")).body("hasTestingCode", contains(true, false)).extract().asString();
        assertFalse(list.contains("秀") || list.contains(CODE), "names are masked and codes never shown");
        assertEquals(0, Db.count("SELECT position(convert_to('hsjc', 'UTF8') IN testing_code_enc) FROM household_member WHERE id = ?",
                UUID.fromString(grandma)), "the code is sealed at rest");
        assertEquals(1, Db.count("SELECT count(*) FROM household_member WHERE id = ? AND testing_code_enc IS NOT NULL",
                UUID.fromString(grandma)));
    }

    @Test
    void codesAreRefusedWithControlCharactersOrOver512BytesAndStrangersAreKeptOut() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User resident = joined(org);
        String member = resident.as().body(Map.of("name", "李四")).post("/api/households/" + org.householdId() + "/members")
                .then().statusCode(201).extract().path("id");
        String path = "/api/household-members/" + member + "/testing-code";
        resident.as().body(Map.of("code", "abc\u0000def")).put(path).then().spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].field", containsString("code"));
        resident.as().body(Map.of("code", "码".repeat(171))).put(path).then().spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("code"));
        resident.as().body(Map.of("code", "码".repeat(170))).put(path).then().statusCode(204);

        Api.User stranger = Api.resident();
        stranger.as().body(Map.of("code", CODE)).put(path).then().spec(problem(403, "FORBIDDEN"));
        stranger.as().get("/api/households/" + org.householdId() + "/members").then().spec(problem(403, "FORBIDDEN"));
        stranger.as().body(Map.of("name", "张三")).post("/api/households/" + org.householdId() + "/members")
                .then().spec(problem(403, "FORBIDDEN"));
        resident.as().body(Map.of("code", CODE)).put("/api/household-members/" + UUID.randomUUID() + "/testing-code")
                .then().spec(problem(404, "MEMBER_NOT_FOUND"));
        resident.as().body(Map.of("name", "张三")).post("/api/households/" + UUID.randomUUID() + "/members")
                .then().spec(problem(404, "HOUSEHOLD_NOT_FOUND"));
        Api.User laneHead = Api.withRole(Role.GRID_WORKER, org.grid());
        laneHead.as().body(Map.of("code", CODE)).put(path).then().statusCode(204);
    }

    @Test
    void aCaretakerVolunteerSeesTheirHouseholdsEntersCodesAndLosesThemWithTheRole() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        String volunteerId = volunteer.as().get("/api/volunteers/me").then().statusCode(200).extract().path("id");
        String member = staff.as().body(Map.of("name", "赵老太")).post("/api/households/" + org.householdId() + "/members")
                .then().statusCode(201).extract().path("id");
        String path = "/api/household-members/" + member + "/testing-code";
        volunteer.as().body(Map.of("code", CODE)).put(path).then().spec(problem(403, "FORBIDDEN"));

        staff.as().body(Map.of("volunteerId", volunteerId)).put("/api/households/" + org.householdId() + "/caretaker")
                .then().statusCode(200).body("volunteerId", equalTo(volunteerId));
        volunteer.as().get("/api/volunteers/me/households").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].householdId", equalTo(org.householdId().toString())).body("items[0].room", equalTo("101"))
                .body("items[0].members[0].nameMasked", equalTo("赵*太"));
        volunteer.as().body(Map.of("code", CODE)).put(path).then().statusCode(204);

        Api.User resident = Api.resident();
        resident.as().body(Map.of("volunteerId", volunteerId)).put("/api/households/" + org.householdId() + "/caretaker")
                .then().spec(problem(403, "FORBIDDEN"));
        OrgFixture other = OrgFixture.streetToHousehold(Api.districtAdmin());
        String elsewhere = ShiftFixture.volunteer(other, ShiftFixture.staff(other)).as().get("/api/volunteers/me").then()
                .extract().path("id");
        staff.as().body(Map.of("volunteerId", elsewhere)).put("/api/households/" + org.householdId() + "/caretaker")
                .then().spec(problem(404, "VOLUNTEER_NOT_FOUND"));

        String grant = staff.as().get("/api/grants?communityId=" + org.communityId() + "&role=VOLUNTEER").then().statusCode(200)
                .extract().path("items.find { it.userId == '" + volunteer.id() + "' }.id");
        staff.as().delete("/api/grants/" + grant).then().statusCode(204);
        Api.User former = Api.refresh(volunteer);
        former.as().get("/api/volunteers/me/households").then().statusCode(200).body("total", equalTo(0));
        former.as().body(Map.of("code", CODE)).put(path).then().spec(problem(403, "FORBIDDEN"));
        assertEquals(0, Db.count("SELECT households FROM caretaker_load WHERE volunteer_id = ?", UUID.fromString(volunteerId)));
    }

    @Test
    void thirtyParallelAssignmentsToOneVolunteerStopAtTheCap() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        String volunteerId = ShiftFixture.volunteer(org, staff).as().get("/api/volunteers/me").then().extract().path("id");
        List<String> households = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            households.add(staff.as().body(Map.of("room", "2" + String.format("%02d", i)))
                    .post("/api/buildings/" + org.buildingId() + "/households").then().statusCode(201).extract().path("id"));
        }
        List<Integer> statuses = Parallel.run(households, h -> staff.as().body(Map.of("volunteerId", volunteerId))
                .put("/api/households/" + h + "/caretaker").then().extract().statusCode());
        assertEquals(15, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(15, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(15, Db.count("SELECT count(*) FROM household_caretaker WHERE volunteer_id = ?", UUID.fromString(volunteerId)));
        assertEquals(15, Db.count("SELECT households FROM caretaker_load WHERE volunteer_id = ?", UUID.fromString(volunteerId)));

        String assigned = households.get(statuses.indexOf(200));
        staff.as().delete("/api/households/" + assigned + "/caretaker").then().statusCode(204);
        String refused = households.get(statuses.indexOf(409));
        staff.as().body(Map.of("volunteerId", volunteerId)).put("/api/households/" + refused + "/caretaker").then().statusCode(200);
        staff.as().body(Map.of("volunteerId", volunteerId)).put("/api/households/" + refused + "/caretaker").then().statusCode(200);
        assertEquals(15, Db.count("SELECT households FROM caretaker_load WHERE volunteer_id = ?", UUID.fromString(volunteerId)));
    }

    private static Api.User joined(OrgFixture org) {
        Api.User resident = Api.resident();
        resident.as().body(Map.of("joinCode", org.joinCode())).post("/api/me/household").then().statusCode(200);
        return resident;
    }
}
