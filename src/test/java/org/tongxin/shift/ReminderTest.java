package org.tongxin.shift;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.TestClock;

/** Claimants are reminded 12 h and 1 h before their shift, in their own feed; a cancelled claim is not. */
@QuarkusTest
class ReminderTest {

    @Inject
    ShiftReminders reminders;

    @Inject
    TestClock clock;

    @Inject
    NoShowReports noShows;

    @Test
    void aClaimantIsRemindedTwiceAndACancelledClaimNever() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        LocalDate date = ShiftFixture.future();
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 5), date).get(1);
        Api.User stays = ShiftFixture.volunteer(org, staff);
        Api.User cancels = ShiftFixture.volunteer(org, staff);
        Api.User late = ShiftFixture.volunteer(org, staff);
        clock.setTo(ShiftFixture.startOf(date, 8).minusHours(13));
        stays.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        cancels.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        reminders.send();
        assertEquals(List.of(), titles(stays), "13 h ahead: nothing yet");

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        cancels.as().delete("/api/shifts/" + shift + "/claims/mine").then().statusCode(204);
        reminders.send();
        reminders.send();
        assertEquals(1, titles(stays).size(), "one reminder 12 h ahead, however often the job runs");
        stays.as().get("/api/notices/feed").then().body("items[0].body", containsString("约 12 小时后"));
        assertEquals(List.of(), titles(cancels));

        clock.setTo(ShiftFixture.startOf(date, 8).minusMinutes(30));
        late.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        reminders.send();
        assertEquals(2, titles(stays).size(), "and one 1 h ahead");
        assertEquals(1, titles(late).size(), "a claim made within the hour gets one reminder, not two");
        assertTrue(titles(late).get(0).startsWith("上岗提醒："));
    }

    @Test
    void theCommunitysStaffHearOfANoShowOnce() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        LocalDate date = ShiftFixture.future().plusDays(1);
        UUID shift = ShiftFixture.day(staff, ShiftFixture.checkpoint(staff, org, 5), date).get(2);
        Api.User absent = ShiftFixture.volunteer(org, staff);
        Api.User present = ShiftFixture.volunteer(org, staff);
        absent.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        present.as().post("/api/shifts/" + shift + "/claims").then().statusCode(201);
        clock.setTo(ShiftFixture.startOf(date, 16).plusMinutes(5));
        present.as().post("/api/shifts/" + shift + "/check-in").then().statusCode(200);
        noShows.report();
        assertEquals(List.of(), titles(staff), "not before 15 minutes");

        clock.setTo(ShiftFixture.startOf(date, 16).plusMinutes(16));
        noShows.report();
        noShows.report();
        assertEquals(1, titles(staff).size(), "one report for the one who did not check in, once");
        assertTrue(titles(staff).get(0).startsWith("缺岗："));
        assertEquals(List.of(), titles(Api.withRole(Role.COMMUNITY_STAFF,
                OrgFixture.streetToHousehold(Api.districtAdmin()).community())), "other communities' staff hear nothing");
    }

    private static List<String> titles(Api.User user) {
        return user.as().get("/api/notices/feed").then().statusCode(200).extract().jsonPath().getList("items.title");
    }
}
