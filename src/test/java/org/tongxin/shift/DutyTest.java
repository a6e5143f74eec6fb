package org.tongxin.shift;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.Duty;
import org.tongxin.support.OrgFixture;

/** Cancelling, check-in and check-out, service minutes, handover notes, coverage and no-shows. */
@QuarkusTest
class DutyTest {

    @Test
    void cancelFreesTheSlotInBothStoresUntilTheCutoff() {
        OrgFixture org = OrgFixture.create(Api.districtAdmin());
        Api.User staff = Duty.staff(org);
        UUID shift = Duty.day(staff, Duty.checkpoint(staff, org, 1), Duty.future()).get(1);
        Api.User first = Duty.volunteer(org, staff);
        Api.User second = Duty.volunteer(org, staff);
        first.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        second.as().post("/api/shifts/" + shift + "/claims").then().statusCode(409).body("code", equalTo("SHIFT_FULL"));
        first.as().delete("/api/shifts/" + shift + "/claims/mine").then().statusCode(204);
        assertEquals(0, Duty.count("SELECT taken FROM shift WHERE id = ?", shift));
        second.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        first.as().delete("/api/shifts/" + shift + "/claims/mine").then().statusCode(404).body("code", equalTo("CLAIM_NOT_FOUND"));
    }

    @Test
    void cancelWithinTwoHoursOfTheStartIsTooLate() {
        OrgFixture org = OrgFixture.create(Api.districtAdmin());
        Api.User staff = Duty.staff(org);
        UUID shift = Duty.day(staff, Duty.checkpoint(staff, org, 2), Duty.future()).get(0);
        Duty.move(shift, OffsetDateTime.now().plusMinutes(90), OffsetDateTime.now().plusMinutes(90 + 480));
        Api.User volunteer = Duty.volunteer(org, staff);
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        volunteer.as().delete("/api/shifts/" + shift + "/claims/mine").then().statusCode(409)
                .body("code", equalTo("CANCEL_TOO_LATE"));
        assertEquals(1, Duty.count("SELECT taken FROM shift WHERE id = ?", shift));
    }

    @Test
    void checkInOpensThirtyMinutesBeforeTheStart() {
        OrgFixture org = OrgFixture.create(Api.districtAdmin());
        Api.User staff = Duty.staff(org);
        List<UUID> day = Duty.day(staff, Duty.checkpoint(staff, org, 2), Duty.future());
        Api.User volunteer = Duty.volunteer(org, staff);
        UUID shift = day.get(0);
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        Duty.move(shift, OffsetDateTime.now().plusMinutes(45), OffsetDateTime.now().plusHours(8));
        volunteer.as().post("/api/shifts/" + shift + "/check-in").then().statusCode(409).body("code", equalTo("CHECK_IN_TOO_EARLY"));
        Duty.move(shift, OffsetDateTime.now().plusMinutes(20), OffsetDateTime.now().plusHours(8));
        volunteer.as().post("/api/shifts/" + shift + "/check-in").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN")).body("checkedInAt", notNullValue());
        volunteer.as().post("/api/shifts/" + shift + "/check-in").then().statusCode(409).body("code", equalTo("ALREADY_CHECKED_IN"));
        volunteer.as().delete("/api/shifts/" + shift + "/claims/mine").then().statusCode(409);

        UUID ended = day.get(1);
        volunteer.as().post("/api/shifts/" + ended + "/claims").then().statusCode(201);
        Duty.move(ended, OffsetDateTime.now().minusHours(9), OffsetDateTime.now().minusHours(1));
        volunteer.as().post("/api/shifts/" + ended + "/check-in").then().statusCode(409).body("code", equalTo("SHIFT_ENDED"));
        Duty.volunteer(org, staff).as().post("/api/shifts/" + shift + "/check-in").then().statusCode(404)
                .body("code", equalTo("CLAIM_NOT_FOUND"));
    }

    @Test
    void checkOutCreditsTheMinutesServedOnce() {
        OrgFixture org = OrgFixture.create(Api.districtAdmin());
        Api.User staff = Duty.staff(org);
        UUID shift = Duty.day(staff, Duty.checkpoint(staff, org, 2), Duty.future()).get(0);
        Api.User volunteer = Duty.volunteer(org, staff);
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        volunteer.as().post("/api/shifts/" + shift + "/check-out").then().statusCode(409).body("code", equalTo("NOT_CHECKED_IN"));
        Duty.move(shift, OffsetDateTime.now().plusMinutes(10), OffsetDateTime.now().plusHours(8));
        volunteer.as().post("/api/shifts/" + shift + "/check-in").then().statusCode(200);
        // Two hours later: the shift started 120 minutes ago; the volunteer checked in 10 minutes before it.
        Duty.move(shift, OffsetDateTime.now().minusMinutes(120), OffsetDateTime.now().plusHours(6));
        Duty.sql("UPDATE shift_claim SET checked_in_at = ? WHERE shift_id = ?", OffsetDateTime.now().minusMinutes(130), shift);
        volunteer.as().post("/api/shifts/" + shift + "/check-out").then().statusCode(200)
                .body("status", equalTo("CHECKED_OUT")).body("minutesServed", equalTo(120));
        volunteer.as().get("/api/volunteers/me").then().body("serviceMinutes", equalTo(120));
        volunteer.as().post("/api/shifts/" + shift + "/check-out").then().statusCode(409).body("code", equalTo("NOT_CHECKED_IN"));
        volunteer.as().get("/api/volunteers/me").then().body("serviceMinutes", equalTo(120));
    }

    @Test
    void handoverNoteReachesWhoeverHoldsTheNextShift() {
        OrgFixture org = OrgFixture.create(Api.districtAdmin());
        Api.User staff = Duty.staff(org);
        List<UUID> day = Duty.day(staff, Duty.checkpoint(staff, org, 2), Duty.future());
        Api.User morning = Duty.volunteer(org, staff);
        Api.User evening = Duty.volunteer(org, staff);
        morning.as().post("/api/shifts/" + day.get(1) + "/claims").then().statusCode(201);
        evening.as().post("/api/shifts/" + day.get(2) + "/claims").then().statusCode(201);
        Duty.sql("UPDATE shift_claim SET status = 'CHECKED_IN', checked_in_at = now() WHERE shift_id = ?", day.get(1));
        String note = "南门铁马已加固；\n3 号楼王奶奶的药 18 点送到";
        morning.as().body(Map.of("handoverNote", note)).post("/api/shifts/" + day.get(1) + "/check-out").then().statusCode(200);
        evening.as().get("/api/shifts/" + day.get(2) + "/handover").then().statusCode(200)
                .body("note", contains(note)).body("[0].fromShiftId", equalTo(day.get(1).toString()));
        staff.as().get("/api/shifts/" + day.get(2) + "/handover").then().statusCode(200).body("size()", equalTo(1));
        Duty.volunteer(org, staff).as().get("/api/shifts/" + day.get(2) + "/handover").then().statusCode(403);
        morning.as().body(Map.of("handoverNote", "x".repeat(1001))).post("/api/shifts/" + day.get(1) + "/check-out")
                .then().statusCode(400);
    }

    @Test
    void staffSeeCoverageGapsAndNoShows() {
        OrgFixture org = OrgFixture.create(Api.districtAdmin());
        Api.User staff = Duty.staff(org);
        LocalDate date = Duty.future();
        List<UUID> day = Duty.day(staff, Duty.checkpoint(staff, org, 1), date);
        Api.User volunteer = Duty.volunteer(org, staff);
        volunteer.as().post("/api/shifts/" + day.get(0) + "/claims").then().statusCode(201);
        staff.as().get("/api/communities/" + org.communityId() + "/coverage?from=" + date + "&to=" + date).then()
                .statusCode(200).body("shiftId", contains(day.get(1).toString(), day.get(2).toString()))
                .body("[0].missing", equalTo(1));

        UUID late = day.get(0);
        Duty.move(late, OffsetDateTime.now().minusMinutes(20), OffsetDateTime.now().plusHours(7));
        LocalDate today = LocalDate.now(Duty.ZONE);
        staff.as().get("/api/communities/" + org.communityId() + "/no-shows?from=" + today.minusDays(1) + "&to=" + today)
                .then().statusCode(200).body("shiftId", contains(late.toString()))
                .body("[0].volunteerName", startsWith("志愿者"));
        volunteer.as().post("/api/shifts/" + late + "/check-in").then().statusCode(200);
        staff.as().get("/api/communities/" + org.communityId() + "/no-shows?from=" + today.minusDays(1) + "&to=" + today)
                .then().statusCode(200).body("size()", equalTo(0));
        volunteer.as().get("/api/communities/" + org.communityId() + "/coverage").then().statusCode(403);
        Api.resident().as().get("/api/communities/" + org.communityId() + "/no-shows").then().statusCode(403);
    }
}
