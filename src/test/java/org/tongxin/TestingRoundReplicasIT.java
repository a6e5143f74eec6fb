package org.tongxin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.*;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;
import org.tongxin.support.ProdConfig;
import org.tongxin.support.ServiceProcess;
import org.tongxin.support.WeChatStub;

/**
 * A testing round scanned by two phones through two replicas of the packaged service sharing
 * PostgreSQL and Redis (docs/testing-rounds.md): 100 households, 200 people, 300 scans, each phone's
 * requests on its own replica, all of a wave at once. Every group is called exactly once, in order,
 * never two at once; the site never holds more than its cap; the coverage counts every scan.
 */
class TestingRoundReplicasIT {

    private static final String DATABASE = "tongxin_rounds_it";
    private static final int REDIS_DB = 11;
    private static final WeChatStub WECHAT = new WeChatStub();
    private static Map<String, String> config;

    @BeforeAll
    static void surroundings() throws Exception {
        config = ProdConfig.of("rounds", DATABASE, REDIS_DB, WECHAT.start());
        config.put("tongxin.pii.encryption-key", ProdConfig.key());
        config.put("tongxin.pii.key-id", "1");
    }

    @AfterAll
    static void stopStub() {
        WECHAT.stop();
    }

    @Test
    void twoPhonesOnTwoReplicasCallEveryGroupOnceInOrderAndCountEveryScan() throws Exception {
        try (ServiceProcess a = ServiceProcess.start("rounds-a", config); ServiceProcess b = ServiceProcess.start("rounds-b", config)) {
            io.restassured.RestAssured.port = a.port();
            Api.User admin = ProdConfig.admin(config);
            OrgFixture org = OrgFixture.streetToHousehold(admin);
            Api.User staff = ProdConfig.invited(admin, "COMMUNITY_STAFF", org.communityId());
            Api.User laneHead = ProdConfig.invited(staff, "GRID_WORKER", org.gridId());
            for (int i = 0; i < 100; i++) {
                String h = staff.as().body(Map.of("room", String.valueOf(201 + i))).post("/api/buildings/" + org.buildingId() + "/households")
                        .then().statusCode(201).extract().path("id");
                for (int p = 0; p < 2; p++) {
                    staff.as().body(Map.of("name", "村民" + i + "-" + p)).post("/api/households/" + h + "/members").then().statusCode(201);
                }
            }
            JsonPath round = staff.as().body(Map.of("communityId", org.communityId(), "date", "2027-03-01", "sites", List.of(Map.of(
                    "name", "村委会", "place", "村委会广场", "gridIds", List.of(org.gridId()))))).post("/api/testing-rounds")
                    .then().statusCode(201).extract().jsonPath();
            String id = round.getString("id");
            String site = round.getString("sites[0].id");
            List<String> groups = round.getList("sites[0].groups.id");
            assertEquals(10, groups.size());
            staff.as().post("/api/testing-rounds/" + id + "/start").then().statusCode(200);

            // phone 1 (staff) scans on replica a, phone 2 (the lane head) on replica b
            AtomicInteger turn = new AtomicInteger();
            java.util.function.Supplier<io.restassured.specification.RequestSpecification> phone = () -> turn.getAndIncrement() % 2 == 0
                    ? staff.as().port(a.port()) : laneHead.as().port(b.port());
            List<String> done = new ArrayList<>();
            int scans = 0;
            while (done.size() < groups.size()) {
                List<String> called = staff.as().get("/api/testing-rounds/" + id + "/sites").then().statusCode(200).extract()
                        .jsonPath().getList("[0].calledGroups.id");
                List<String> fresh = called.stream().filter(g -> !done.contains(g)).toList();
                assertEquals(List.of(groups.get(done.size())), fresh, "exactly the next group, in order, one at a time");
                done.add(fresh.get(0));
                List<String> households = column("SELECT household_id::text FROM call_group_household WHERE group_id = ?::uuid", fresh.get(0));
                // every household of the wave at once: scanned in, then its people sampled one by one
                List<List<Integer>> statuses = Parallel.run(households, h -> {
                    List<Integer> out = new ArrayList<>();
                    out.add(phone.get().body(Map.of("siteId", site, "householdId", h)).post("/api/testing-rounds/" + id + "/arrivals")
                            .then().extract().statusCode());
                    try {
                        for (String m : column("SELECT member_id::text FROM round_member WHERE household_id = ?::uuid", h)) {
                            out.add(phone.get().body(Map.of("siteId", site, "memberIds", List.of(m)))
                                    .post("/api/testing-rounds/" + id + "/samples").then().extract().statusCode());
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return out;
                });
                assertTrue(statuses.stream().flatMap(List::stream).allMatch(s -> s == 200), statuses.toString());
                scans += statuses.stream().mapToInt(List::size).sum();
                assertTrue(Integer.parseInt(column("SELECT on_site + expected FROM testing_site WHERE id = ?::uuid", site).get(0)) <= 30);
            }
            assertEquals(300, scans);
            assertEquals("10", column("SELECT count(*) FROM notice WHERE ref IN (SELECT 'round-call:' || id FROM call_group "
                    + "WHERE round_id = ?::uuid)", id).get(0), "each group announced once");
            assertEquals("0", column("""
                    SELECT count(*) FROM call_group x JOIN call_group y ON x.site_id = y.site_id AND x.seq < y.seq
                    WHERE x.round_id = ?::uuid AND x.called_at > y.called_at""", id).get(0), "called in sequence order");
            staff.as().port(b.port()).get("/api/testing-rounds/" + id + "/coverage").then().statusCode(200)
                    .body("residents", equalTo(200)).body("sampled", equalTo(200)).body("missing", equalTo(0));
        }
    }

    private static List<String> column(String sql, Object arg) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
             PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, arg);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
