package org.tongxin.notice;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.TestClock;

/** The API other features call to tell people something, inside their own transactions. */
@QuarkusTest
class NoticeOutboxTest {

    @Inject
    NoticeOutbox notices;

    @Inject
    TestClock clock;

    @Test
    void aMessageGoesWithTheBusinessChangeOrNotAtAll() {
        Api.User someone = Api.resident();
        String ref = "test-rollback:" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            notices.toUsers(ref, List.of(someone.id()), "您的订单已受理", "正文", OffsetDateTime.now(clock));
            throw new IllegalStateException("the business step failed after the message was handed over");
        }));
        assertEquals(0, Db.count("SELECT count(*) FROM notice WHERE ref = ?", ref));
        assertEquals(0, Db.count("SELECT count(*) FROM notice_delivery d JOIN notice n ON n.id = d.notice_id WHERE n.ref = ?", ref));
        someone.as().get("/api/notices/feed").then().statusCode(200).body("items", empty());

        // Only inside a transaction: outside one there is nothing to commit or roll back with.
        assertThrows(RuntimeException.class, () -> notices.toUsers(ref, List.of(someone.id()), "t", "b", OffsetDateTime.now(clock)));

        QuarkusTransaction.requiringNew().run(() -> notices.toUsers(ref, List.of(someone.id()), "您的订单已受理", "正文",
                OffsetDateTime.now(clock)));
        QuarkusTransaction.requiringNew().run(() -> notices.toUsers(ref, List.of(someone.id()), "您的订单已受理", "正文",
                OffsetDateTime.now(clock)));
        assertEquals(1, Db.count("SELECT count(*) FROM notice WHERE ref = ?", ref), "the same ref is one message");
        someone.as().get("/api/notices/feed").then().statusCode(200).body("items.title", contains("您的订单已受理"))
                .body("items[0].scope", nullValue());
        Api.resident().as().get("/api/notices/feed").then().statusCode(200).body("items", empty());
    }

    @Test
    void aMessageNotYetDueCanBeWithdrawnAndAPlaceMessageReachesItsRobotsAndFeed() {
        Api.User someone = Api.resident();
        String reminder = "test-reminder:" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> notices.toUsers(reminder, List.of(someone.id()), "明天 8:00 上岗提醒",
                "请提前十分钟到达卡口。", OffsetDateTime.now(clock).plusHours(12)));
        // A message to people is not a staff notice: not publishable, not followable, even by an admin.
        UUID message = UUID.fromString(Db.text("SELECT id::text FROM notice WHERE ref = ?", reminder));
        Api.User admin = Api.districtAdmin();
        admin.as().post("/api/notices/" + message + "/publish").then().statusCode(404).body("code", equalTo("NOTICE_NOT_FOUND"));
        admin.as().get("/api/notices/" + message + "/deliveries").then().statusCode(404);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> notices.cancel(reminder)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> notices.cancel(reminder)), "withdrawn once");
        clock.advance(Duration.ofHours(13));
        someone.as().get("/api/notices/feed").then().statusCode(200).body("items", empty());
        assertEquals(0, Db.count("SELECT count(*) FROM notice_delivery d JOIN notice n ON n.id = d.notice_id WHERE n.ref = ?", reminder));

        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        staff.as().body(java.util.Map.of("communityId", org.communityId(), "gridId", org.gridId(), "name", "一网格群",
                "webhookKey", UUID.randomUUID().toString())).post("/api/group-chats").then().statusCode(201);
        Api.User inGrid = OrderFixture.household(staff, org);
        String ref = "test-place:" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> notices.toPlace(ref, org.grid(), "一网格今晚消杀", "请关好门窗。",
                List.of(Notice.Channel.GROUP_CHAT, Notice.Channel.FEED), OffsetDateTime.now(clock)));
        inGrid.as().get("/api/notices/feed").then().statusCode(200).body("items[0].title", equalTo("一网格今晚消杀"))
                .body("items[0].scope.type", equalTo("GRID"));
        assertEquals(2, Db.count("SELECT count(*) FROM notice_delivery d JOIN notice n ON n.id = d.notice_id WHERE n.ref = ?", ref));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> notices.cancel(ref)), "out already: not withdrawn");
    }
}
