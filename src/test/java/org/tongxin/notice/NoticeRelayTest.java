package org.tongxin.notice;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.PiiRotation;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OldSeals;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;
import org.tongxin.support.TestClock;
import org.tongxin.support.WeChatStub;
import org.tongxin.wechat.WeComRobots;

/** The relay posting group-chat deliveries to WeCom robots (stubbed by WireMock), with real PostgreSQL and Redis. */
@QuarkusTest
class NoticeRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DeliveryRelay relay;

    @Inject
    TestClock clock;

    @Inject
    DeliveryGauges gauges;

    @Inject
    WeComRobots robots;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    PiiCipher pii;

    @Inject
    PiiRotation rotation;

    @ConfigProperty(name = "tongxin.pii.encryption-key")
    String testKey;

    @Test
    void twentyFiveNoticesToOneRobotInAMinuteReachItTwentyThenTheRestNoneTwice() throws Exception {
        Community c = community();
        String key = c.robot("大群", "k-" + UUID.randomUUID());
        for (int i = 1; i <= 25; i++) {
            c.publish("通知 #" + i, "正文 " + i);
        }
        drain();
        assertEquals(20, posts(key).size());
        clock.advance(Duration.ofSeconds(61));
        drain();
        List<String> contents = contents(key);
        assertEquals(25, contents.size());
        for (int i = 1; i <= 25; i++) {
            String title = "**通知 #" + i + "**";
            assertEquals(1, contents.stream().filter(s -> s.startsWith(title + "\n")).count(), title);
        }
    }

    @Test
    void aRemovedRobotFailsForGoodAndAServerErrorIsTriedAgain() throws Exception {
        Community c = community();
        String bad = c.robot("已解散的群", "bad-" + UUID.randomUUID());
        String down = c.robot("暂时出错的群", "down-" + UUID.randomUUID());
        UUID notice = c.publish("停水通知", "明天 9:00-12:00 停水。");
        drain();
        Map<String, Map<String, Object>> rows = deliveriesByName(c, notice);
        assertEquals("FAILED", rows.get("已解散的群").get("status"));
        String removed = String.valueOf(rows.get("已解散的群").get("lastError"));
        assertTrue(removed.startsWith("errcode 93000"), removed);
        assertEquals("PENDING", rows.get("暂时出错的群").get("status"));
        assertEquals("HTTP 500", rows.get("暂时出错的群").get("lastError"));
        assertEquals(1, posts(bad).size());
        assertEquals(1, posts(down).size());

        StubMapping healed = WeChatStub.server().stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send"))
                .withQueryParam("key", equalTo(down)).atPriority(1).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        try {
            drain(); // not due yet: the first backoff is 10 s
            assertEquals(1, posts(down).size());
            clock.advance(Duration.ofSeconds(11));
            drain();
        } finally {
            WeChatStub.server().removeStub(healed);
        }
        rows = deliveriesByName(c, notice);
        assertEquals("SENT", rows.get("暂时出错的群").get("status"));
        assertEquals(2, rows.get("暂时出错的群").get("attempts"));
        assertEquals(1, posts(bad).size(), "a robot that refused for good is not tried again");

        String answer = c.staff.as().get("/api/notices/" + notice + "/deliveries").then().statusCode(200).extract().asString();
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        for (String key : List.of(bad, down)) {
            assertFalse(answer.contains(key) || log.contains(key), "a webhook key leaked");
        }
    }

    @Test
    void aRobotThatKeepsAnsweringItsMinuteLimitEndsFailedAfterTheConfiguredAttempts() throws Exception {
        Community c = community();
        String busy = c.robot("总是限流的群", "busy-" + UUID.randomUUID());
        UUID notice = c.publish("限流测试", "正文");
        for (int i = 0; i < 12; i++) {
            drain();
            clock.advance(Duration.ofSeconds(61));
        }
        Map<String, Object> row = deliveriesByName(c, notice).get("总是限流的群");
        assertEquals("FAILED", row.get("status"));
        assertEquals(8, row.get("attempts"));
        assertTrue(String.valueOf(row.get("lastError")).startsWith("errcode 45009")
                && String.valueOf(row.get("lastError")).endsWith("gave up after 8 attempts"), String.valueOf(row.get("lastError")));
        assertEquals(8, posts(busy).size(), "tried a minute apart, then never again");
    }

    @Test
    void twoRelaysRunningAtOncePostEachDeliveryOnce() throws Exception {
        Community c = community();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add(c.robot("楼栋群 " + i, "k-" + UUID.randomUUID()));
        }
        UUID notice = c.publish("全员核酸", "今天 14:00 开始。");
        Parallel.times(2, i -> {
            drain();
            return null;
        });
        for (String key : keys) {
            assertEquals(1, posts(key).size());
        }
        assertEquals(30, Db.count("SELECT count(*) FROM notice_delivery WHERE notice_id = ? AND status = 'SENT'", notice));
    }

    @Test
    void aPostLeftInFlightIsNeverPostedAgainAndAClaimLeftUnsentIsPostedOnce() throws Exception {
        Community c = community();
        String inFlight = c.robot("群一", "k-" + UUID.randomUUID());
        String claimed = c.robot("群二", "k-" + UUID.randomUUID());
        UUID notice = c.publish("防疫提示", "出门戴口罩。");
        // A relay that stopped: one row recorded SENDING before its post, one only claimed.
        Db.sql("""
                UPDATE notice_delivery d SET status = 'SENDING', attempts = 1, lease_until = now() - interval '1 second'
                FROM group_chat g WHERE g.id = d.target_id AND d.notice_id = ? AND g.name = '群一'""", notice);
        Db.sql("""
                UPDATE notice_delivery d SET lease_until = now() - interval '1 second'
                FROM group_chat g WHERE g.id = d.target_id AND d.notice_id = ? AND g.name = '群二'""", notice);
        drain();
        Map<String, Map<String, Object>> rows = deliveriesByName(c, notice);
        assertEquals("FAILED", rows.get("群一").get("status"));
        assertTrue(String.valueOf(rows.get("群一").get("lastError")).startsWith("outcome unknown"), String.valueOf(rows.get("群一").get("lastError")));
        assertEquals(0, posts(inFlight).size());
        assertEquals("SENT", rows.get("群二").get("status"));
        assertEquals(1, posts(claimed).size());
    }

    @Test
    void aPostThatGetsNoAnswerInTimeIsNeverPostedAgain() throws Exception {
        Community c = community();
        String slow = c.robot("慢群", "slow-" + UUID.randomUUID());
        UUID notice = c.publish("停电通知", "今晚 22:00 停电。");
        drain();
        Map<String, Object> row = deliveriesByName(c, notice).get("慢群");
        assertEquals("FAILED", row.get("status"));
        assertEquals("outcome unknown: no answer in time; not sent again", row.get("lastError"));
        clock.advance(Duration.ofMinutes(30));
        drain();
        assertEquals(1, posts(slow).size(), "the group may have the message: it is not posted twice");
    }

    @Test
    void whileWeComKeepsFailingTheRelayWaitsWithoutSpendingAttempts() throws Exception {
        Community c = community();
        List<String> down = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            down.add(c.robot("故障群 " + i, "down-" + UUID.randomUUID()));
        }
        c.publish("第一条", "二十个群都答 500。");
        try {
            drain();
            assertFalse(robots.accepting(), "half of the last 20 posts failed: the circuit is open");
            String healthy = c.robot("正常群", "k-" + UUID.randomUUID());
            UUID notice = c.publish("第二条", "熔断期间不发。");
            drain();
            assertEquals(0, posts(healthy).size(), "not posted while the circuit is open");
            Map<String, Object> row = deliveriesByName(c, notice).get("正常群");
            assertEquals("PENDING", row.get("status"));
            assertEquals(0, row.get("attempts"), "waiting for WeCom is no attempt");
            for (String key : down) {
                assertTrue(posts(key).size() <= 1, "no robot is posted to twice (some not at all once the circuit opened)");
            }
            // WeCom is back; the robots that answered 500 are out of this test's way: their rows of
            // both notices (the second one's wait beside the healthy row and, posted first, would open
            // the circuit again before it).
            failDownRobotsRows();
            breakers.resetAll();
            clock.advance(Duration.ofSeconds(11));
            drain();
            assertEquals(1, posts(healthy).size());
            assertEquals("SENT", deliveriesByName(c, notice).get("正常群").get("status"));
            for (String key : down) {
                assertTrue(posts(key).size() <= 1, "the failing robots' rows were out of the way");
            }
        } finally {
            failDownRobotsRows();
            breakers.resetAll();
        }
    }

    /**
     * Robots that answer HTTP 500 count against WeCom's circuit: rows of theirs left due by an
     * earlier test or run (this database outlives a run) must not open it for this one.
     */
    @BeforeEach
    void noFailingRobotLeftDue() {
        failDownRobotsRows();
        breakers.resetAll();
    }

    private static void failDownRobotsRows() {
        Db.sql("""
                UPDATE notice_delivery d SET status = 'FAILED', last_error = 'taken out of the way by a test'
                FROM group_chat g WHERE g.id = d.target_id AND d.status = 'PENDING'
                  AND (g.name LIKE '故障群%' OR g.name = '暂时出错的群')""");
    }

    @Test
    void aLongNoticeIsCutToWhatARobotTakesWithAPointerToTheFullText() throws Exception {
        Community c = community();
        String key = c.robot("大群", "k-" + UUID.randomUUID());
        c.publish("社区防控措施（全文）", ("第一条：进出小区须出示健康码，扫场所码。\n").repeat(400));
        drain();
        String content = contents(key).get(0);
        assertTrue(content.getBytes(StandardCharsets.UTF_8).length <= WeComRobots.MAX_MARKDOWN_BYTES);
        assertTrue(content.startsWith("**社区防控措施（全文）**\n第一条"));
        assertTrue(content.endsWith(ChatMessage.POINTER));
        assertFalse(content.contains("\uFFFD"));
    }

    @Test
    void aRobotsKeyFollowsAPersonalDataKeyRotationAndCanBeReplaced() throws Exception {
        Community c = community();
        String down = c.robot("大群", "down-" + UUID.randomUUID());
        // Sealed as before key ids existed (IV || ciphertext under key 1): the rotation job re-seals it.
        Db.sql("UPDATE group_chat SET webhook_key_enc = ? WHERE community_id = ?", OldSeals.beforeKeyIds(testKey, down),
                c.org.communityId());
        assertTrue(rotation.resealAll() >= 1);
        assertEquals(1, Db.count("SELECT count(*) FROM group_chat WHERE community_id = ? AND substring(webhook_key_enc FROM 1 FOR 2) = ?",
                c.org.communityId(), pii.currentHeader()));
        UUID notice = c.publish("换群通知", "本群将迁移。");
        drain();
        assertEquals(1, posts(down).size(), "the re-sealed key still opens");

        // The robot was re-created in WeCom with a new key; the post not yet made goes out with it.
        String fresh = "k-" + UUID.randomUUID();
        UUID chat = UUID.fromString(c.staff.as().get("/api/group-chats?communityId=" + c.org.communityId()).then().statusCode(200)
                .extract().path("items[0].id"));
        String answer = c.staff.as().body(Map.of("webhookKey", fresh)).put("/api/group-chats/" + chat + "/key").then()
                .statusCode(200).extract().asString();
        assertTrue(answer.contains("…" + fresh.substring(fresh.length() - 4)) && !answer.contains(fresh));
        Api.resident().as().body(Map.of("webhookKey", fresh)).put("/api/group-chats/" + chat + "/key").then().statusCode(403);
        c.staff.as().body(Map.of("webhookKey", fresh)).put("/api/group-chats/" + UUID.randomUUID() + "/key").then().statusCode(404);
        clock.advance(Duration.ofSeconds(11));
        drain();
        assertEquals(1, posts(fresh).size());
        assertEquals(1, posts(down).size());
        assertEquals("SENT", deliveriesByName(c, notice).get("大群").get("status"));
    }

    @Test
    void theBacklogIsOnTheMetricsPage() {
        Community c = community();
        c.robot("大群", "down-" + UUID.randomUUID());
        c.publish("测试积压", "正文");
        gauges.refresh();
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        long due = metrics.lines().filter(l -> l.startsWith("tongxin_notice_deliveries_due "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1);
        assertTrue(due >= 1, metrics.lines().filter(l -> l.contains("tongxin_notice")).toList().toString());
        assertTrue(metrics.contains("tongxin_notice_delivery_oldest_due_seconds"));
        drain();
    }

    /** Runs the relay until it finds nothing due. */
    private int drain() {
        int total = 0;
        for (int taken = relay.runOnce(); taken > 0; taken = relay.runOnce()) {
            total += taken;
        }
        return total;
    }

    private static List<LoggedRequest> posts(String key) {
        return WeChatStub.server().findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")).withQueryParam("key", equalTo(key)));
    }

    private static List<String> contents(String key) throws Exception {
        List<String> out = new ArrayList<>();
        for (LoggedRequest r : posts(key)) {
            var body = JSON.readTree(r.getBodyAsString());
            assertEquals("markdown", body.path("msgtype").asText());
            out.add(body.path("markdown").path("content").asText());
        }
        return out;
    }

    private static Map<String, Map<String, Object>> deliveriesByName(Community c, UUID notice) {
        List<Map<String, Object>> rows = c.staff.as().get("/api/notices/" + notice + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("");
        return rows.stream().filter(r -> r.get("targetName") != null)
                .collect(Collectors.toMap(r -> (String) r.get("targetName"), Function.identity()));
    }

    private static Community community() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        return new Community(org, Api.withRole(Role.COMMUNITY_STAFF, org.community()));
    }

    private record Community(OrgFixture org, Api.User staff) {

        String robot(String name, String key) {
            staff.as().body(Map.of("communityId", org.communityId(), "name", name, "webhookKey", key)).post("/api/group-chats")
                    .then().statusCode(201);
            return key;
        }

        UUID publish(String title, String body) {
            Map<String, Object> notice = new HashMap<>(Map.of("title", title, "body", body,
                    "scope", Map.of("type", "COMMUNITY", "id", org.communityId()), "channels", List.of("GROUP_CHAT")));
            UUID id = UUID.fromString(staff.as().body(notice).post("/api/notices").then().statusCode(201).extract().path("id"));
            staff.as().post("/api/notices/" + id + "/publish").then().statusCode(202);
            return id;
        }
    }
}
