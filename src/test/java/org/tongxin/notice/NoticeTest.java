package org.tongxin.notice;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
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

/** Group chats' robots, notices and their outbox rows, the residents' feed (docs/notices.md). */
@QuarkusTest
class NoticeTest {

    @Inject
    TestClock clock;

    @Test
    void aWebhookKeyIsStoredSealedAndNeverShownOrLogged() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        String key = "693a91f6-7aaa-4bc4-97a0-" + UUID.randomUUID().toString().substring(24);
        String created = staff.as().body(chat(org.communityId(), null, "三里屯一网格群", key)).post("/api/group-chats")
                .then().statusCode(201).header("Location", containsString("/api/group-chats/"))
                .body("keyHint", equalTo("…" + key.substring(key.length() - 4))).extract().asString();
        String listed = staff.as().get("/api/group-chats?communityId=" + org.communityId()).then().statusCode(200)
                .body("items.name", hasItem("三里屯一网格群")).extract().asString();
        assertFalse(created.contains(key) || listed.contains(key));
        assertEquals(0, Db.count("SELECT count(*) FROM group_chat WHERE position(convert_to(?, 'UTF8') in webhook_key_enc) > 0"
                + " OR key_hint LIKE '%' || ? || '%'", key, key.substring(0, 12)));
        assertFalse(Files.readString(Path.of("target/quarkus-test.log")).contains(key));

        staff.as().body(chat(org.communityId(), null, "三里屯一网格群", key)).post("/api/group-chats")
                .then().spec(problem(409, "GROUP_CHAT_NAME_TAKEN"));
        staff.as().body(chat(org.communityId(), null, "另一个群", "has spaces in it")).post("/api/group-chats")
                .then().spec(problem(400, "VALIDATION_FAILED"));
        OrgFixture other = OrgFixture.streetToHousehold(Api.districtAdmin());
        staff.as().body(chat(org.communityId(), other.gridId(), "别处的群", key)).post("/api/group-chats")
                .then().spec(problem(400, "GRID_ELSEWHERE"));
        Api.withRole(Role.GRID_WORKER, org.grid()).as().body(chat(org.communityId(), null, "社区群", key)).post("/api/group-chats")
                .then().spec(problem(403, "FORBIDDEN"));
        Api.resident().as().get("/api/group-chats?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
    }

    @Test
    void aGridNoticeReachesThatGridOnlyAndAStreetNoticeEveryCommunityOfTheStreet() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        UUID otherGrid = id(admin.as().body(Map.of("name", "二网格")).post("/api/communities/" + org.communityId() + "/grids"));
        UUID otherBuilding = id(admin.as().body(Map.of("name", "9号楼")).post("/api/grids/" + otherGrid + "/buildings"));
        UUID neighbour = id(admin.as().body(Map.of("streetId", org.streetId(), "name", Api.unique("邻社区"), "kind", "COMMUNITY"))
                .post("/api/communities"));
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID gridChat = register(staff, org.communityId(), org.gridId(), "一网格群");
        UUID otherGridChat = register(staff, org.communityId(), otherGrid, "二网格群");
        UUID communityChat = register(staff, org.communityId(), null, "社区大群");
        UUID neighbourChat = register(admin, neighbour, null, "邻社区大群");
        Api.User inGrid = OrderFixture.household(staff, org);
        Api.User inOtherGrid = residentOf(staff, otherBuilding);

        Api.User gridWorker = Api.withRole(Role.GRID_WORKER, org.grid());
        UUID gridNotice = publish(gridWorker, notice("GRID", org.gridId(), "GROUP_CHAT", "FEED"));
        assertEquals(Set.of("GROUP_CHAT " + gridChat, "FEED " + org.gridId()), deliveries(gridWorker, gridNotice));
        inGrid.as().get("/api/notices/feed").then().statusCode(200).body("items.id", hasItem(gridNotice.toString()));
        inOtherGrid.as().get("/api/notices/feed").then().statusCode(200).body("items.id", not(hasItem(gridNotice.toString())));

        UUID streetNotice = publish(Api.withRole(Role.STREET_ADMIN, org.street()), notice("STREET", org.streetId(), "GROUP_CHAT"));
        assertEquals(Set.of("GROUP_CHAT " + gridChat, "GROUP_CHAT " + otherGridChat, "GROUP_CHAT " + communityChat,
                "GROUP_CHAT " + neighbourChat), deliveries(admin, streetNotice));
        // Not a FEED notice: the feed does not show it.
        inOtherGrid.as().get("/api/notices/feed").then().statusCode(200).body("items.id", not(hasItem(streetNotice.toString())));

        // The grid worker's scope does not cover the community; other staff and residents are refused.
        gridWorker.as().body(notice("COMMUNITY", org.communityId(), "FEED")).post("/api/notices").then().spec(problem(403, "FORBIDDEN"));
        Api.withRole(Role.COMMUNITY_STAFF, Api.locateCommunity(neighbour)).as().get("/api/notices/" + gridNotice + "/deliveries")
                .then().spec(problem(403, "FORBIDDEN"));
        inGrid.as().post("/api/notices/" + gridNotice + "/publish").then().spec(problem(403, "FORBIDDEN"));
        staff.as().get("/api/notices/" + UUID.randomUUID() + "/deliveries").then().spec(problem(404, "NOTICE_NOT_FOUND"));
        Api.resident().as().get("/api/notices/feed").then().statusCode(200).body("items", empty());
    }

    @Test
    void publishingAtOnceFromTenClientsWritesOneOutbox() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        register(staff, org.communityId(), null, "大群");
        register(staff, org.communityId(), org.gridId(), "一网格群");
        UUID draft = id(staff.as().body(notice("COMMUNITY", org.communityId(), "GROUP_CHAT", "FEED")).post("/api/notices"));
        staff.as().get("/api/notices/" + draft + "/deliveries").then().statusCode(200).body("", empty());
        List<Integer> statuses = Parallel.times(10, i -> staff.as().post("/api/notices/" + draft + "/publish").then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(3, Db.count("SELECT count(*) FROM notice_delivery WHERE notice_id = ?", draft));
        staff.as().get("/api/notices/" + draft + "/deliveries").then().statusCode(200)
                .body("findAll { it.channel == 'GROUP_CHAT' }.status", everyItem(equalTo("PENDING")))
                .body("findAll { it.channel == 'FEED' }.status", everyItem(equalTo("SENT")));
    }

    @Test
    void aScheduledNoticeAppearsAtItsTimeAndNotBefore() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        Api.User resident = OrderFixture.household(staff, org);
        Map<String, Object> scheduled = new HashMap<>(notice("BUILDING", org.buildingId(), "FEED"));
        scheduled.put("sendAt", OffsetDateTime.now(clock).plusHours(1).toString());
        UUID id = UUID.fromString(staff.as().body(scheduled).post("/api/notices").then().statusCode(201)
                .body("status", equalTo("SCHEDULED")).extract().path("id"));
        resident.as().get("/api/notices/feed").then().statusCode(200).body("items.id", not(hasItem(id.toString())));
        staff.as().get("/api/notices/" + id + "/deliveries").then().statusCode(200).body("status", contains("PENDING"));

        clock.advance(Duration.ofMinutes(61));
        resident.as().get("/api/notices/feed").then().statusCode(200).body("items[0].id", equalTo(id.toString()))
                .body("items[0].status", equalTo("PUBLISHED")).body("items[0].title", equalTo("明日核酸检测安排"));
        staff.as().get("/api/notices/" + id + "/deliveries").then().statusCode(200).body("status", contains("SENT"));
        staff.as().post("/api/notices/" + id + "/publish").then().spec(problem(409, "ALREADY_PUBLISHED"));

        scheduled.put("sendAt", OffsetDateTime.now(clock).minusMinutes(1).toString());
        staff.as().body(scheduled).post("/api/notices").then().spec(problem(400, "SEND_AT_PASSED"));
        staff.as().body(notice("BUILDING", UUID.randomUUID(), "FEED")).post("/api/notices")
                .then().spec(problem(404, "BUILDING_NOT_FOUND"));
    }

    private static Map<String, Object> chat(UUID community, UUID grid, String name, String key) {
        Map<String, Object> body = new HashMap<>(Map.of("communityId", community, "name", name, "webhookKey", key));
        if (grid != null) {
            body.put("gridId", grid);
        }
        return body;
    }

    private static UUID register(Api.User staff, UUID community, UUID grid, String name) {
        return id(staff.as().body(chat(community, grid, name, UUID.randomUUID().toString())).post("/api/group-chats"));
    }

    private static Map<String, Object> notice(String type, UUID scope, String... channels) {
        return Map.of("title", "明日核酸检测安排", "body", "**明早 7:00** 在1号楼下排队，请戴好口罩。\n保持两米间距。",
                "scope", Map.of("type", type, "id", scope), "channels", List.of(channels));
    }

    private static UUID publish(Api.User staff, Map<String, Object> notice) {
        UUID id = id(staff.as().body(notice).post("/api/notices"));
        staff.as().post("/api/notices/" + id + "/publish").then().statusCode(202).body("status", equalTo("PUBLISHED"));
        return id;
    }

    private static Set<String> deliveries(Api.User staff, UUID notice) {
        List<Map<String, Object>> rows = staff.as().get("/api/notices/" + notice + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("");
        return rows.stream().map(r -> r.get("channel") + " " + r.get("target")).collect(Collectors.toSet());
    }

    private static Api.User residentOf(Api.User staff, UUID building) {
        String joinCode = staff.as().body(Map.of("room", Api.unique("室"))).post("/api/buildings/" + building + "/households")
                .then().statusCode(201).extract().path("joinCode");
        Api.User resident = Api.resident();
        resident.as().body(Map.of("joinCode", joinCode)).post("/api/me/household").then().statusCode(200);
        return resident;
    }

    private static UUID id(io.restassured.response.Response r) {
        return UUID.fromString(r.then().statusCode(201).extract().jsonPath().getString("id"));
    }
}
