package org.tongxin.shift;

import static org.hamcrest.Matchers.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.OrgFixture;

/** Checkpoints, their 24-hour pattern and the generated roster. */
@QuarkusTest
class CheckpointTest {

    @Test
    void patternMustCoverTheWholeDay() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        staff.as().body(checkpoint(org.communityId(), List.of(8, 16), 8, 3)).post("/api/checkpoints").then()
                .spec(problem(400, "PATTERN_GAP"));
        staff.as().body(checkpoint(org.communityId(), List.of(0, 12), 12, 3)).post("/api/checkpoints").then()
                .statusCode(201).body("shiftStartHours", contains(0, 12)).body("capacity", equalTo(3));
        staff.as().body(checkpoint(org.communityId(), List.of(6), 24, 1)).post("/api/checkpoints").then().statusCode(201);
    }

    @Test
    void generatingShiftsIsIdempotentAndUsesTheServiceZone() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID cp = ShiftFixture.checkpoint(staff, org, 5);
        LocalDate from = ShiftFixture.future();
        staff.as().body(Map.of("from", from.toString(), "days", 3)).post("/api/checkpoints/" + cp + "/shifts").then()
                .statusCode(201).body("created", equalTo(9));
        staff.as().body(Map.of("from", from.plusDays(2).toString(), "days", 2)).post("/api/checkpoints/" + cp + "/shifts")
                .then().statusCode(201).body("created", equalTo(3));
        staff.as().get("/api/checkpoints/" + cp + "/shifts?from=" + from + "&to=" + from).then().statusCode(200)
                .body("size()", equalTo(3))
                .body("[0].startsAt", equalTo(from + "T00:00:00+08:00"))
                .body("[0].endsAt", equalTo(from + "T08:00:00+08:00"))
                .body("[0].capacity", equalTo(5)).body("[0].taken", equalTo(0));
        staff.as().get("/api/checkpoints/" + cp + "/shifts?from=" + from + "&to=" + from.plusDays(3)).then()
                .body("size()", equalTo(12));
    }

    @Test
    void onlyStaffCreateAndVolunteersOfTheCommunityRead() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        OrgFixture other = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(org);
        UUID cp = ShiftFixture.checkpoint(staff, org, 2);
        Api.User resident = Api.resident();
        resident.as().body(checkpoint(org.communityId(), List.of(0), 24, 1)).post("/api/checkpoints").then().spec(problem(403, "FORBIDDEN"));
        ShiftFixture.staff(other).as().body(checkpoint(org.communityId(), List.of(0), 24, 1)).post("/api/checkpoints").then()
                .spec(problem(403, "FORBIDDEN"));
        resident.as().body(Map.of("from", ShiftFixture.future().toString(), "days", 1)).post("/api/checkpoints/" + cp + "/shifts")
                .then().spec(problem(403, "FORBIDDEN"));
        resident.as().get("/api/checkpoints?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
        staff.as().get("/api/checkpoints").then().spec(problem(400, "VALIDATION_FAILED"));
        ShiftFixture.volunteer(org, staff).as().get("/api/checkpoints?communityId=" + org.communityId()).then().statusCode(200)
                .body("id", contains(cp.toString()));
        ShiftFixture.volunteer(other, ShiftFixture.staff(other)).as().get("/api/checkpoints/" + cp + "/shifts").then()
                .spec(problem(403, "FORBIDDEN"));
    }

    @Test
    void badCheckpointInputIs4xx() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        staff.as().body(checkpoint(org.communityId(), List.of(0, 8, 16), 8, 0)).post("/api/checkpoints").then()
                .spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("capacity"));
        staff.as().body(checkpoint(org.communityId(), List.of(0, 24), 8, 1)).post("/api/checkpoints").then().spec(problem(400, "VALIDATION_FAILED"));
        staff.as().body(checkpoint(org.communityId(), List.of(), 8, 1)).post("/api/checkpoints").then().spec(problem(400, "VALIDATION_FAILED"));
        UUID cp = ShiftFixture.checkpoint(staff, org, 1);
        staff.as().body(Map.of("from", "2026-13-45", "days", 1)).post("/api/checkpoints/" + cp + "/shifts").then()
                .spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("from"));
        staff.as().body(Map.of("from", ShiftFixture.future().toString(), "days", 400)).post("/api/checkpoints/" + cp + "/shifts")
                .then().spec(problem(400, "VALIDATION_FAILED"));
        staff.as().get("/api/checkpoints/" + cp + "/shifts?from=2026-01-10&to=2026-01-01").then().spec(problem(400, "BAD_RANGE"));
        staff.as().get("/api/checkpoints/" + cp + "/shifts?from=yesterday").then().spec(problem(400, "VALIDATION_FAILED"))
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        staff.as().body(Map.of("from", ShiftFixture.future().toString(), "days", 1)).post("/api/checkpoints/" + UUID.randomUUID() + "/shifts")
                .then().spec(problem(404, "CHECKPOINT_NOT_FOUND"));
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        volunteer.as().post("/api/shifts/" + UUID.randomUUID() + "/claims").then().spec(problem(404, "SHIFT_NOT_FOUND"));
    }

    static Map<String, Object> checkpoint(UUID communityId, List<Integer> hours, int length, int capacity) {
        return Map.of("communityId", communityId, "name", Api.unique("卡点"), "location", "北门",
                "shiftStartHours", hours, "shiftLengthHours", length, "capacity", capacity);
    }
}
