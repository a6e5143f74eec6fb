package org.tongxin.notice;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;
import org.tongxin.support.TestClock;
import org.tongxin.support.WeChatStub;

/** The SUBSCRIBE channel: one message per acceptance, to residents in scope, through the WireMock WeChat stub. */
@QuarkusTest
class SubscribeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DeliveryRelay relay;

    @Inject
    TestClock clock;

    @Test
    void aNoticeReachesThoseWhoAcceptedOnceEachAndARefusalIsNotRetried() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        Api.User accepted = OrderFixture.household(staff, org);
        Api.User never = OrderFixture.household(staff, org);
        Api.User refuses = joined(staff, org, "ok-refuse-" + Api.unique("r"));
        OrgFixture other = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User elsewhere = OrderFixture.household(Api.withRole(Role.COMMUNITY_STAFF, other.community()), other);
        accept(accepted, 1);
        accept(accepted, 2);
        accept(refuses, 1);
        accept(elsewhere, 1);
        accepted.as().body(Map.of("templateId", "not a template!")).post("/api/me/subscriptions").then()
                .spec(problem(400, "VALIDATION_FAILED"));
        accepted.as().body(Map.of("templateId", "tpl-someone-elses")).post("/api/me/subscriptions").then()
                .spec(problem(400, "TEMPLATE_NOT_OFFERED"));

        String nonce = UUID.randomUUID().toString().substring(0, 4);
        String title = nonce + "关于明日全员核酸检测及物资配送安排的紧急通知";
        UUID notice = UUID.fromString(staff.as().body(Map.of("title", title, "body", "**明早 7:00** 开始，请按楼栋顺序排队。",
                "scope", Map.of("type", "COMMUNITY", "id", org.communityId()), "channels", List.of("SUBSCRIBE")))
                .post("/api/notices").then().statusCode(201).extract().path("id"));
        staff.as().post("/api/notices/" + notice + "/publish").then().statusCode(202);
        assertEquals(Set.of(accepted.id().toString(), refuses.id().toString()), targets(staff, notice));

        drain();
        List<JsonNode> sent = sends(nonce);
        assertEquals(2, sent.size(), sent.toString());
        for (JsonNode message : sent) {
            assertEquals("tpl-notice-test", message.path("template_id").asText());
            String thing = message.path("data").path("thing1").path("value").asText();
            assertEquals(20, thing.codePointCount(0, thing.length()));
            assertTrue(thing.endsWith("…") && thing.startsWith(nonce));
            assertEquals("明早 7:00 开始，请按楼栋顺序排队。", message.path("data").path("thing2").path("value").asText());
            assertTrue(message.path("data").path("time3").path("value").asText().matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}"));
        }
        Map<String, Map<String, Object>> rows = rows(staff, notice);
        assertEquals("SENT", rows.get(accepted.id().toString()).get("status"));
        assertEquals("FAILED", rows.get(refuses.id().toString()).get("status"));
        assertTrue(((String) rows.get(refuses.id().toString()).get("lastError")).startsWith("errcode 43101"));
        assertEquals(1, unused(accepted), "one acceptance used, one left");
        assertEquals(0, unused(refuses), "43101 uses the acceptance up");

        clock.advance(Duration.ofHours(1));
        drain();
        assertEquals(2, sends(nonce).size(), "a refusal is not tried again");
    }

    @Test
    void parallelAcceptsNeverKeepMoreThanFiftyUnused() throws Exception {
        Api.User resident = Api.resident();
        List<Integer> answers = Parallel.times(120, i -> resident.as().body(Map.of("templateId", "tpl-notice-test"))
                .post("/api/me/subscriptions").then().statusCode(200).extract().path("unused"));
        assertEquals(120, answers.size());
        assertEquals(50, unused(resident));
        assertEquals(50, answers.stream().mapToInt(Integer::intValue).max().orElse(0));
        accept(resident, 50);
        assertEquals(50, unused(resident));
    }

    private void drain() {
        while (relay.runOnce() > 0) {
            // until nothing is due
        }
    }

    private static void accept(Api.User user, int unused) {
        user.as().body(Map.of("templateId", "tpl-notice-test")).post("/api/me/subscriptions").then().statusCode(200)
                .body("unused", org.hamcrest.Matchers.equalTo(unused));
    }

    private static long unused(Api.User user) {
        return Db.count("SELECT count(*) FROM subscription_consent WHERE user_id = ? AND used_at IS NULL", user.id());
    }

    private static List<JsonNode> sends(String nonce) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (var r : WeChatStub.server().findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")))) {
            JsonNode body = JSON.readTree(r.getBodyAsString());
            if (body.path("data").path("thing1").path("value").asText().startsWith(nonce)) {
                out.add(body);
            }
        }
        return out;
    }

    private static Set<String> targets(Api.User staff, UUID notice) {
        return rows(staff, notice).keySet();
    }

    private static Map<String, Map<String, Object>> rows(Api.User staff, UUID notice) {
        List<Map<String, Object>> rows = staff.as().get("/api/notices/" + notice + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("");
        return rows.stream().filter(r -> "SUBSCRIBE".equals(r.get("channel")))
                .collect(Collectors.toMap(r -> (String) r.get("target"), r -> r));
    }

    /** A resident who logged in with a given WeChat code and joined a household of the community. */
    private static Api.User joined(Api.User staff, OrgFixture org, String code) {
        String address = Api.randomAddress();
        var login = Api.wxLogin(code, address).statusCode(200).extract().jsonPath();
        Api.User user = new Api.User(UUID.fromString(login.getString("user.id")), login.getString("accessToken"),
                login.getString("refreshToken"), address);
        String joinCode = staff.as().body(Map.of("room", Api.unique("室"))).post("/api/buildings/" + org.buildingId() + "/households")
                .then().statusCode(201).extract().path("joinCode");
        user.as().body(Map.of("joinCode", joinCode)).post("/api/me/household").then().statusCode(200);
        return user;
    }
}
