package org.tongxin.shift;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.TestClock;

/** Cancelling, check-in and check-out, service minutes, handover notes, coverage and no-shows. */
@QuarkusTest
class DutyTest {

    @Inject
    TestClock clock;

    @Test
    void cancelFreesTheSlotInBothStoresUntilTheCutoff() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 1), ShiftFixture.future()).get(1);
        Api.User first = ShiftFixture.volunteer(org, staff);
        Api.User second = ShiftFixture.volunteer(org, staff);
        first.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        second.as().post("/api/shifts/" + shift + "/claims").then().spec(problem(409, "SHIFT_FULL"));
        first.as().delete("/api/shifts/" + shift + "/claims/mine").then().statusCode(204);
        assertEquals(0, Db.count("SELECT taken FROM shift WHERE id = ?", shift));
        second.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        first.as().delete("/api/shifts/" + shift + "/claims/mine").then().spec(problem(404, "CLAIM_NOT_FOUND"));
    }

    @Test
    void cancelIsTooLateOnceTheClockPassesTheCutoff() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        LocalDate date = ShiftFixture.future();
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 2), date).get(1);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        clock.setTo(ShiftFixture.startOf(date, 8).minusMinutes(121));
        volunteer.as().delete("/api/shifts/" + shift + "/claims/mine").then().statusCode(204);
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        clock.advance(Duration.ofMinutes(2));
        volunteer.as().delete("/api/shifts/" + shift + "/claims/mine").then().spec(problem(409, "CANCEL_TOO_LATE"));
        assertEquals(1, Db.count("SELECT taken FROM shift WHERE id = ?", shift));
    }

    @Test
    void checkInOpensThirtyMinutesBeforeTheStartAndClosesAtTheEnd() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        LocalDate date = ShiftFixture.future();
        List<UUID> day = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 2), date);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        UUID shift = day.get(1);
        UUID ended = day.get(0);
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        volunteer.as().post("/api/shifts/" + ended + "/claims").then().statusCode(201);
        clock.setTo(ShiftFixture.startOf(date, 8).minusMinutes(45));
        volunteer.as().post("/api/shifts/" + shift + "/check-in").then().spec(problem(409, "CHECK_IN_TOO_EARLY"));
        clock.advance(Duration.ofMinutes(25));
        volunteer.as().post("/api/shifts/" + shift + "/check-in").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN")).body("checkedInAt", notNullValue());
        volunteer.as().post("/api/shifts/" + shift + "/check-in").then().spec(problem(409, "ALREADY_CHECKED_IN"));
        volunteer.as().delete("/api/shifts/" + shift + "/claims/mine").then().spec(problem(409, "ALREADY_CHECKED_IN"));
        clock.setTo(ShiftFixture.startOf(date, 8).plusMinutes(1));
        volunteer.as().post("/api/shifts/" + ended + "/check-in").then().spec(problem(409, "SHIFT_ENDED"));
        ShiftFixture.volunteer(org, staff).as().post("/api/shifts/" + shift + "/check-in").then().spec(problem(404, "CLAIM_NOT_FOUND"));
    }

    @Test
    void checkOutCreditsTheMinutesServedOnce() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        LocalDate date = ShiftFixture.future();
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 2), date).get(1);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        volunteer.as().post("/api/shifts/" + shift + "/check-out").then().spec(problem(409, "NOT_CHECKED_IN"));
        clock.setTo(ShiftFixture.startOf(date, 8).minusMinutes(10));
        volunteer.as().post("/api/shifts/" + shift + "/check-in").then().statusCode(200);
        // Two hours into the shift; the ten minutes before the start do not count.
        clock.setTo(ShiftFixture.startOf(date, 8).plusMinutes(120).plusSeconds(20));
        volunteer.as().post("/api/shifts/" + shift + "/check-out").then().statusCode(200)
                .body("status", equalTo("CHECKED_OUT")).body("minutesServed", equalTo(120));
        volunteer.as().get("/api/volunteers/me").then().body("serviceMinutes", equalTo(120));
        volunteer.as().post("/api/shifts/" + shift + "/check-out").then().spec(problem(409, "NOT_CHECKED_IN"));
        volunteer.as().get("/api/volunteers/me").then().body("serviceMinutes", equalTo(120));
    }

    @Test
    void handoverNoteReachesWhoeverHoldsTheNextShift() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        List<UUID> day = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 2), ShiftFixture.future());
        Api.User morning = ShiftFixture.volunteer(org, staff);
        Api.User evening = ShiftFixture.volunteer(org, staff);
        morning.as().post("/api/shifts/" + day.get(1) + "/claims").then().statusCode(201);
        evening.as().post("/api/shifts/" + day.get(2) + "/claims").then().statusCode(201);
        Db.sql("UPDATE shift_claim SET status = 'CHECKED_IN', checked_in_at = now() WHERE shift_id = ?", day.get(1));
        String note = "南门铁马已加固；\n3 号楼王奶奶的药 18 点送到";
        morning.as().body(Map.of("handoverNote", note)).post("/api/shifts/" + day.get(1) + "/check-out").then().statusCode(200);
        evening.as().get("/api/shifts/" + day.get(2) + "/handover").then().statusCode(200)
                .body("note", contains(note)).body("[0].fromShiftId", equalTo(day.get(1).toString()));
        staff.as().get("/api/shifts/" + day.get(2) + "/handover").then().statusCode(200).body("size()", equalTo(1));
        ShiftFixture.volunteer(org, staff).as().get("/api/shifts/" + day.get(2) + "/handover").then().spec(problem(403, "FORBIDDEN"));
        morning.as().body(Map.of("handoverNote", "x".repeat(1001))).post("/api/shifts/" + day.get(1) + "/check-out")
                .then().spec(problem(400, "VALIDATION_FAILED"));
    }

    @Test
    void staffSeeCoverageGapsAndNoShows() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        LocalDate date = ShiftFixture.future();
        List<UUID> day = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 1), date);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        volunteer.as().post("/api/shifts/" + day.get(0) + "/claims").then().statusCode(201);
        staff.as().get("/api/communities/" + org.communityId() + "/coverage?from=" + date + "&to=" + date).then()
                .statusCode(200).body("shiftId", contains(day.get(1).toString(), day.get(2).toString()))
                .body("[0].missing", equalTo(1));

        UUID late = day.get(0);
        clock.setTo(ShiftFixture.startOf(date, 0).plusMinutes(14));
        staff.as().get("/api/communities/" + org.communityId() + "/no-shows").then().statusCode(200).body("size()", equalTo(0));
        clock.advance(Duration.ofMinutes(2));
        staff.as().get("/api/communities/" + org.communityId() + "/no-shows")
                .then().statusCode(200).body("shiftId", contains(late.toString()))
                .body("[0].volunteerName", startsWith("志愿者"));
        volunteer.as().post("/api/shifts/" + late + "/check-in").then().statusCode(200);
        staff.as().get("/api/communities/" + org.communityId() + "/no-shows").then().statusCode(200).body("size()", equalTo(0));
        volunteer.as().get("/api/communities/" + org.communityId() + "/coverage").then().spec(problem(403, "FORBIDDEN"));
        Api.resident().as().get("/api/communities/" + org.communityId() + "/no-shows").then().spec(problem(403, "FORBIDDEN"));
    }
}
