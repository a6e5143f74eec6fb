package org.tongxin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.ProdConfig;
import org.tongxin.support.ServiceProcess;
import org.tongxin.support.WeChatStub;

/**
 * A stand-down's purge killed mid-way (SIGKILL of the packaged service, prod profile) and restarted
 * (docs/privacy.md): at the kill, what the committed batches counted is exactly what is gone from
 * the database, the batch under way left nothing behind; after the restart the job goes on and ends
 * DONE with every row counted once, in the stand-down and in the audit.
 */
class StandDownIT {

    private static final String DATABASE = "tongxin_standdown";
    private static final int REDIS_DB = 9;
    private static final int RESIDENTS = 6000;
    private static final WeChatStub WECHAT = new WeChatStub();
    private static Map<String, String> config;

    @BeforeAll
    static void surroundings() throws Exception {
        config = new HashMap<>(ProdConfig.of("standdown", DATABASE, REDIS_DB, WECHAT.start()));
        config.put("tongxin.pii.encryption-key", ProdConfig.key());
        config.put("tongxin.pii.key-id", "1");
        config.put("tongxin.privacy.purge-every", "1s");
        config.put("tongxin.privacy.purge-batch", "10");
    }

    @AfterAll
    static void stopStub() {
        WECHAT.stop();
        RestAssured.reset();
    }

    @Test
    void aPurgeKilledMidwayGoesOnAfterTheRestartAndCountsEveryRowOnce() throws Exception {
        String standDown;
        Api.User admin;
        try (ServiceProcess first = ServiceProcess.start("standdown-1", config)) {
            RestAssured.port = first.port();
            admin = ProdConfig.admin(config);
            OrgFixture street = OrgFixture.streetToHousehold(admin);
            seed(street.buildingId());
            standDown = admin.as().body(Map.of("scope", Map.of("type", "STREET", "id", street.streetId()), "retainDays", 0))
                    .post("/api/stand-downs").then().statusCode(201).extract().path("id");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (purged(standDown) < 500 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.kill();
        }
        long counted = purged(standDown);
        assertTrue(counted >= 500 && counted < RESIDENTS, "killed mid-way: " + counted + " of " + RESIDENTS);
        assertEquals("PURGING", text("SELECT status FROM stand_down WHERE id = ?", standDown));
        assertEquals(RESIDENTS - counted, linked(), "what the committed batches counted is exactly what is gone");
        assertEquals(counted, audited(standDown), "and exactly what the audit recorded");

        try (ServiceProcess second = ServiceProcess.start("standdown-2", config)) {
            RestAssured.port = second.port();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!"DONE".equals(text("SELECT status FROM stand_down WHERE id = ?", standDown)) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            admin.as().get("/api/stand-downs/" + standDown).then().statusCode(200).body("status", equalTo("DONE"))
                    .body("purged.RESIDENTS", equalTo(RESIDENTS));
        }
        assertEquals(0, linked());
        assertEquals(RESIDENTS, audited(standDown), "every row recorded once");
    }

    /** Residents of their own households in the building, each with a phone, straight into the database. */
    private static void seed(UUID building) throws Exception {
        try (Connection c = connect()) {
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO household (id, building_id, room, join_code, members)
                    SELECT gen_random_uuid(), ?, 'K' || i, substr(md5(random()::text), 1, 16), 1 FROM generate_series(1, ?) i""")) {
                st.setObject(1, building);
                st.setInt(2, RESIDENTS);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO app_user (id, openid_hash, openid_enc, nickname, phone_enc, phone_hash, phone_masked, household_id)
                    SELECT gen_random_uuid(), decode(md5(random()::text), 'hex'), decode(md5(random()::text), 'hex'), 'seeded',
                           decode(md5(random()::text), 'hex'), decode(md5(random()::text), 'hex'), '138****0000', h.id
                    FROM household h WHERE h.building_id = ? AND h.room LIKE 'K%'""")) {
                st.setObject(1, building);
                st.executeUpdate();
            }
        }
    }

    private static long purged(String standDown) throws Exception {
        String n = text("SELECT coalesce(purged ->> 'RESIDENTS', '0') FROM stand_down WHERE id = ?", standDown);
        return n == null ? 0 : Long.parseLong(n);
    }

    private static long linked() throws Exception {
        return Long.parseLong(text("SELECT count(*) FROM app_user WHERE nickname = 'seeded' AND household_id IS NOT NULL"));
    }

    private static long audited(String standDown) throws Exception {
        return Long.parseLong(text("SELECT coalesce(sum(row_count), 0) FROM audit_record WHERE subject_scope = ?", standDown));
    }

    private static String text(String sql, Object... args) throws Exception {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i] instanceof String s && s.length() == 36 ? UUID.fromString(s) : args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
    }
}
