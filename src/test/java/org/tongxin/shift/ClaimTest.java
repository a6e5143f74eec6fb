package org.tongxin.shift;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.tongxin.common.ApiException;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;
import org.tongxin.support.TestClock;

/** Claiming: the Redis gate, the database guard behind it, and real parallel requests against both. */
@QuarkusTest
class ClaimTest {

    @Inject
    TestClock clock;

    @Inject
    GateReconciler reconciler;

    @Inject
    ClaimDatabaseGuard ledger;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    RedisDataSource redis;

    @Inject
    ClaimRepository claims;

    @Test
    void fiftyVolunteersRaceForFiveSlots() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 5), ShiftFixture.future()).get(1);
        List<Api.User> volunteers = volunteers(org, staff, 50);
        List<String> outcomes = Parallel.run(volunteers, v -> {
            var r = v.as().post("/api/shifts/" + shift + "/claims").then().extract();
            return r.statusCode() + " " + (r.statusCode() == 201 ? "" : r.path("code"));
        });
        assertEquals(5, outcomes.stream().filter("201 "::equals).count(), outcomes.toString());
        assertEquals(45, outcomes.stream().filter("409 SHIFT_FULL"::equals).count(), outcomes.toString());
        assertEquals(5, Db.count("SELECT taken FROM shift WHERE id = ?", shift));
        assertEquals(5, Db.count("SELECT count(*) FROM shift_claim WHERE shift_id = ?", shift));
        volunteers.get(0).as().post("/api/shifts/" + shift + "/claims").then().statusCode(409)
                .body("code", anyOf(equalTo("SHIFT_FULL"), equalTo("ALREADY_CLAIMED")));
    }

    @Test
    void fullShiftAnswersShiftFull() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 1), ShiftFixture.future()).get(0);
        ShiftFixture.volunteer(org, staff).as().post("/api/shifts/" + shift + "/claims").then().statusCode(201)
                .body("shiftId", equalTo(shift.toString())).body("status", equalTo("CLAIMED"));
        ShiftFixture.volunteer(org, staff).as().post("/api/shifts/" + shift + "/claims").then().spec(problem(409, "SHIFT_FULL"));
    }

    @Test
    void aRefusalByTheGateCostsNoDatabaseStatement() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 1), ShiftFixture.future()).get(0);
        ShiftFixture.volunteer(org, staff).as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        List<Api.User> late = volunteers(org, staff, 3);
        late.forEach(v -> v.as().post("/api/shifts/" + shift + "/claims").then().spec(problem(409, "SHIFT_FULL"))); // loads their state
        Statistics stats = sessionFactory.getStatistics();
        long before = stats.getPrepareStatementCount();
        for (int i = 0; i < 10; i++) {
            late.get(i % 3).as().post("/api/shifts/" + shift + "/claims").then().spec(problem(409, "SHIFT_FULL"));
        }
        assertEquals(0, stats.getPrepareStatementCount() - before, "a full shift is refused by Redis alone");
    }

    @Test
    void oneVolunteerFiringAtTenOverlappingShiftsGetsOne() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        List<UUID> sameHour = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sameHour.add(ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 3), ShiftFixture.future()).get(1));
        }
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        List<Integer> statuses = Parallel.run(sameHour, s -> volunteer.as().post("/api/shifts/" + s + "/claims").then()
                .extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count());
        assertEquals(1, Db.count("SELECT count(*) FROM shift_claim WHERE user_id = ?", volunteer.id()));
        UUID held = sameHour.stream().filter(s -> Db.count("SELECT taken FROM shift WHERE id = ?", s) == 1).findFirst().orElseThrow();
        UUID other = sameHour.stream().filter(s -> !s.equals(held)).findFirst().orElseThrow();
        volunteer.as().post("/api/shifts/" + other + "/claims").then().spec(problem(409, "SHIFT_OVERLAP"));
        volunteer.as().post("/api/shifts/" + held + "/claims").then().spec(problem(409, "ALREADY_CLAIMED"));
    }

    @Test
    void adjacentShiftsDoNotOverlap() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        List<UUID> day = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 2), ShiftFixture.future());
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        for (UUID shift : day) {
            volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        }
        volunteer.as().get("/api/volunteers/me").then().body("upcomingShifts.status", everyItem(equalTo("CLAIMED")))
                .body("upcomingShifts.shiftId",
                contains(day.get(0).toString(), day.get(1).toString(), day.get(2).toString()));
    }

    @Test
    void capacityHoldsAfterTheGateStateIsLost() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 3), ShiftFixture.future()).get(2);
        List<Api.User> v = volunteers(org, staff, 4);
        v.get(0).as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        v.get(1).as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        ShiftFixture.dropGateState();
        v.get(0).as().post("/api/shifts/" + shift + "/claims").then().spec(problem(409, "ALREADY_CLAIMED"));
        v.get(2).as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        ShiftFixture.dropGateState();
        v.get(3).as().post("/api/shifts/" + shift + "/claims").then().spec(problem(409, "SHIFT_FULL"));
        assertEquals(3, Db.count("SELECT taken FROM shift WHERE id = ?", shift));
    }

    @Test
    void theDatabaseAloneRefusesTheSixthClaim() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 5), ShiftFixture.future()).get(0);
        List<Api.User> volunteers = volunteers(org, staff, 12);
        // Straight to the database guard, bypassing the Redis gate, all at once.
        List<String> outcomes = Parallel.run(volunteers, v -> claimAsItsOwnRequest(shift, v.id()));
        assertEquals(5, outcomes.stream().filter("OK"::equals).count());
        assertEquals(7, outcomes.stream().filter("SHIFT_FULL"::equals).count());
        assertEquals(5, Db.count("SELECT count(*) FROM shift_claim WHERE shift_id = ?", shift));
        Api.User winner = volunteers.get(outcomes.indexOf("OK"));
        // A claim is checked before the slot is taken: holding it says more than "full".
        assertEquals("ALREADY_CLAIMED", claimAsItsOwnRequest(shift, winner.id()));
        assertEquals(5, Db.count("SELECT taken FROM shift WHERE id = ?", shift));
    }

    /** What the gate is rebuilt from when Redis lost a shift's or a volunteer's state: the database's claims and times. */
    @Test
    void theGateIsRebuiltFromTheHoldersAndTheHeldTimesTheDatabaseHas() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        LocalDate date = ShiftFixture.future();
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 5), date).get(1);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        Api.User other = ShiftFixture.volunteer(org, staff);
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        other.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        OffsetDateTime startsAt = ShiftFixture.startOf(date, 8);
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            assertEquals(Set.of(volunteer.id(), other.id()), Set.copyOf(claims.claimants(shift)));
            assertEquals(List.of(), claims.claimants(UUID.randomUUID()));
            List<RedisClaimGate.Held> held = claims.heldTimes(volunteer.id(), startsAt.minusDays(1));
            assertEquals(1, held.size());
            assertEquals(shift, held.get(0).shiftId());
            assertEquals(startsAt.toInstant(), held.get(0).startsAt().toInstant());
            assertEquals(startsAt.plusHours(8).toInstant(), held.get(0).endsAt().toInstant());
            assertEquals(1, claims.heldTimes(volunteer.id(), startsAt.plusHours(8).minusSeconds(1)).size(), "not ended yet");
            assertEquals(List.of(), claims.heldTimes(volunteer.id(), startsAt.plusHours(8)), "ended: no longer held");
        } finally {
            request.terminate();
        }
    }

    /** The ledger as a request calls it: in a request context, outside any transaction. */
    private String claimAsItsOwnRequest(UUID shift, UUID userId) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            ledger.claim(shift, userId);
            return "OK";
        } catch (ApiException e) {
            return e.code().name();
        } finally {
            request.terminate();
        }
    }

    @Test
    void theDatabaseAloneRefusesDoubleOverlappingAndForeignClaims() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID a = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 5), ShiftFixture.future()).get(1);
        UUID b = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 5), ShiftFixture.future()).get(1);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        ledger.claim(a, volunteer.id());
        assertEquals("ALREADY_CLAIMED", assertThrows(ApiException.class, () -> ledger.claim(a, volunteer.id())).code().name());
        assertEquals("SHIFT_OVERLAP", assertThrows(ApiException.class, () -> ledger.claim(b, volunteer.id())).code().name());
        Api.User resident = Api.resident();
        assertEquals("VOLUNTEER_REQUIRED", assertThrows(ApiException.class, () -> ledger.claim(b, resident.id())).code().name());
        assertEquals("SHIFT_NOT_FOUND", assertThrows(ApiException.class, () -> ledger.claim(UUID.randomUUID(), volunteer.id()))
                .code().name());
        assertEquals(1, Db.count("SELECT taken FROM shift WHERE id = ?", a));
        assertEquals(0, Db.count("SELECT taken FROM shift WHERE id = ?", b), "refused claims give their slot back");
    }

    @Test
    void whenTheGateFailsClaimsGoThroughTheDatabaseAloneAndStillNeverOverbook() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 1), ShiftFixture.future()).get(1);
        // A key of the wrong type makes every gate script on this shift fail, as a broken Redis would.
        redis.value(String.class).set("tongxin:shift:" + shift, "not-a-hash");
        try {
            ShiftFixture.volunteer(org, staff).as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
            ShiftFixture.volunteer(org, staff).as().post("/api/shifts/" + shift + "/claims").then().spec(problem(409, "SHIFT_FULL"));
            assertEquals(1, Db.count("SELECT count(*) FROM shift_claim WHERE shift_id = ?", shift));
        } finally {
            redis.key().del("tongxin:shift:" + shift);
        }
    }

    @Test
    void startedShiftCannotBeClaimed() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        LocalDate date = ShiftFixture.future();
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 2), date).get(0);
        clock.setTo(ShiftFixture.startOf(date, 0).plusMinutes(5));
        ShiftFixture.volunteer(org, staff).as().post("/api/shifts/" + shift + "/claims").then().spec(problem(409, "SHIFT_STARTED"));
        assertEquals(0, Db.count("SELECT taken FROM shift WHERE id = ?", shift));
    }

    @Test
    void onlyApprovedVolunteersOfTheCommunityClaim() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        OrgFixture other = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 5), ShiftFixture.future()).get(0);
        Api.resident().as().post("/api/shifts/" + shift + "/claims").then().spec(problem(403, "VOLUNTEER_REQUIRED"));
        ShiftFixture.volunteer(other, ShiftFixture.staff(other)).as().post("/api/shifts/" + shift + "/claims").then()
                .spec(problem(403, "VOLUNTEER_REQUIRED"));
        ShiftFixture.applicant(org).as().post("/api/shifts/" + shift + "/claims").then().spec(problem(403, "VOLUNTEER_REQUIRED"));
        staff.as().post("/api/shifts/" + shift + "/claims").then().spec(problem(403, "VOLUNTEER_REQUIRED"));
        assertEquals(0, Db.count("SELECT taken FROM shift WHERE id = ?", shift));
    }

    @Test
    void approvalCountsBeforeTheTokenIsRefreshed() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 5), ShiftFixture.future()).get(0);
        Api.User applicant = ShiftFixture.applicant(org);
        String id = applicant.as().get("/api/volunteers/me").then().extract().path("id");
        staff.as().post("/api/volunteer-applications/" + id + "/approve").then().statusCode(200);
        applicant.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
    }

    @Test
    void aSlotTakenByAClaimThatNeverReachedTheDatabaseIsReclaimed() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 1), ShiftFixture.future()).get(1);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        loadGateState(staff, org, shift);
        // A replica took the slot in Redis and crashed before the database saw the claim.
        plantPhantom(shift, clock.millis());
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().spec(problem(409, "SHIFT_FULL"));
        clock.advance(Duration.ofSeconds(61));
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        assertEquals(1, Db.count("SELECT taken FROM shift WHERE id = ?", shift));
        assertTrue(redis.key().pttl("tongxin:shift:" + shift + ":users") > 0, "the claimant set expires with the shift");
        assertEquals(0, redis.sortedSet(String.class).zcard("tongxin:shift:" + shift + ":pending"), "the claim was confirmed");
    }

    @Test
    void aSlotLeftByAFailedReleaseIsFreedByTheReconciler() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 1), ShiftFixture.future()).get(1);
        Api.User first = ShiftFixture.volunteer(org, staff);
        Api.User second = ShiftFixture.volunteer(org, staff);
        first.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        // The cancel reached the database, its release in Redis did not.
        Db.sql("DELETE FROM shift_claim WHERE shift_id = ?", shift);
        Db.sql("UPDATE shift SET taken = 0 WHERE id = ?", shift);
        second.as().post("/api/shifts/" + shift + "/claims").then().spec(problem(409, "SHIFT_FULL"));
        assertEquals(1, reconciler.reconcile());
        second.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        assertEquals(0, reconciler.reconcile(), "nothing left to fix");
    }

    @Test
    void aPersonWhosePhantomClaimLingersCanClaimAgain() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 2), ShiftFixture.future()).get(1);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        Db.sql("DELETE FROM shift_claim WHERE shift_id = ?", shift);
        Db.sql("UPDATE shift SET taken = 0 WHERE id = ?", shift);
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        volunteer.as().post("/api/shifts/" + shift + "/claims").then().spec(problem(409, "ALREADY_CLAIMED"));
        assertEquals(1, Db.count("SELECT taken FROM shift WHERE id = ?", shift));
    }

    /** A claim and its cancellation: the gate now holds the shift's state, with no claimant. */
    private void loadGateState(Api.User staff, OrgFixture org, UUID shift) {
        Api.User passer = ShiftFixture.volunteer(org, staff);
        passer.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        passer.as().delete("/api/shifts/" + shift + "/claims/mine").then().statusCode(204);
    }

    private void plantPhantom(UUID shift, long takenAtMillis) {
        String phantom = UUID.randomUUID().toString();
        redis.set(String.class).sadd("tongxin:shift:" + shift + ":users", phantom);
        redis.sortedSet(String.class).zadd("tongxin:shift:" + shift + ":pending", takenAtMillis, phantom);
    }

    private static List<Api.User> volunteers(OrgFixture org, Api.User staff, int n) {
        List<Api.User> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ShiftFixture.volunteer(org, staff));
        }
        return out;
    }
}
