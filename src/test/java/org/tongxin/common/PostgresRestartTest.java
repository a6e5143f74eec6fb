package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.OwnPostgres;
import org.tongxin.support.Parallel;

/**
 * PostgreSQL really restarts (a server of this test's own) while residents keep moving between
 * two households: every request answers quickly, with success or 503 problem+json, never a 500 or
 * a hang; the pool recovers by itself; and no move is half-written (each household's member count
 * equals the people in it).
 */
@QuarkusTest
@TestProfile(PostgresRestartTest.OwnPostgresProfile.class)
class PostgresRestartTest {

    /** The normal test configuration, with PostgreSQL replaced by one this test may restart. */
    public static class OwnPostgresProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnPostgres.class));
        }
    }

    private static final long BOUND_MILLIS = 8_000;

    @Test
    void aRestartUnderLoadFailsFastRecoversAndWritesNothingByHalves() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        String other = admin.as().body(Map.of("room", "102")).post("/api/buildings/" + org.buildingId() + "/households")
                .then().statusCode(201).extract().path("joinCode");
        List<Api.User> residents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            residents.add(Api.resident());
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();
        Thread restart = new Thread(() -> {
            pause(1_000);
            OwnPostgres.stopServer();
            pause(2_000);
            OwnPostgres.startServer();
            pause(3_000);
            running.set(false);
        });
        restart.start();
        Parallel.run(residents, resident -> {
            int n = 0;
            while (running.get()) {
                String code = n++ % 2 == 0 ? org.joinCode() : other;
                long started = System.nanoTime();
                var r = resident.as().body(Map.of("joinCode", code)).post("/api/me/household").then().extract();
                long millis = (System.nanoTime() - started) / 1_000_000;
                outcomes.add(r.statusCode() + " " + (r.statusCode() == 200 ? "" : r.path("code")) + (millis > BOUND_MILLIS ? " SLOW" : ""));
                pause(650); // light load, under the per-person join limit (10 a minute)
            }
            return null;
        });
        restart.join();

        List<String> seen = outcomes.stream().distinct().sorted().toList();
        assertTrue(outcomes.stream().allMatch(o -> o.equals("200 ") || o.equals("503 SERVICE_UNAVAILABLE")), seen.toString());
        assertTrue(outcomes.contains("503 SERVICE_UNAVAILABLE"), "the restart was seen: " + seen);
        for (Api.User resident : residents) {
            resident.as().body(Map.of("joinCode", org.joinCode())).post("/api/me/household").then().statusCode(200);
        }
        assertEquals(0, Db.count("""
                SELECT count(*) FROM household h
                WHERE h.members <> (SELECT count(*) FROM app_user u WHERE u.household_id = h.id)"""));
        assertEquals(8, Db.count("SELECT members FROM household WHERE id = ?", org.householdId()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
