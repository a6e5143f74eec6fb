package org.tongxin.care;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.TestClock;

/** Urgent requests nobody accepts in time are escalated, with a moved clock. */
@QuarkusTest
class CareEscalationTest {

    @Inject
    CareEscalation escalation;

    @Inject
    TestClock clock;

    @Test
    void aP1After15MinutesAndAP2After2HoursAreEscalatedUnlessAccepted() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        Api.User resident = OrderFixture.household(staff, org);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        String emergency = file(resident, "EMERGENCY");
        String accepted = file(resident, "EMERGENCY");
        String p2 = file(resident, "ESSENTIALS");
        staff.as().body(Map.of("priority", "P2")).post("/api/care-requests/" + p2 + "/triage").then().statusCode(200);
        // The second emergency is taken in hand at once.
        staff.as().body(Map.of("priority", "P1")).post("/api/care-requests/" + accepted + "/triage").then().statusCode(200);
        staff.as().body(Map.of("assigneeId", volunteer.id())).post("/api/care-requests/" + accepted + "/assign").then().statusCode(200);
        volunteer.as().post("/api/care-requests/" + accepted + "/accept").then().statusCode(200);

        clock.advance(Duration.ofMinutes(14));
        escalation.escalate();
        assertEquals(List.of(), escalated(staff, org));

        clock.advance(Duration.ofMinutes(2));
        escalation.escalate();
        escalation.escalate();
        assertTrue(escalated(staff, org).contains(emergency));
        assertFalse(escalated(staff, org).contains(p2), "a P2 has two hours");
        assertFalse(escalated(staff, org).contains(accepted), "accepted in time");
        assertEquals(1, staff.as().get("/api/notices/feed").then().extract().jsonPath().getList("items.title").stream()
                .filter("求助超时未接单"::equals).count(), "announced once, however often the job runs");

        clock.advance(Duration.ofHours(2));
        escalation.escalate();
        assertTrue(escalated(staff, org).contains(p2));
        List<String> order = staff.as().get("/api/care-requests?communityId=" + org.communityId()).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertTrue(order.indexOf(emergency) < order.indexOf(p2), "escalated P1 before escalated P2");
    }

    @Test
    void anAcceptedRequestIsNeverEscalated() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        Api.User resident = OrderFixture.household(staff, org);
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        String id = file(resident, "MEDICINE");
        staff.as().body(Map.of("priority", "P1")).post("/api/care-requests/" + id + "/triage").then().statusCode(200);
        staff.as().body(Map.of("assigneeId", volunteer.id())).post("/api/care-requests/" + id + "/assign").then().statusCode(200);
        volunteer.as().post("/api/care-requests/" + id + "/accept").then().statusCode(200);
        clock.advance(Duration.ofHours(3));
        escalation.escalate();
        staff.as().get("/api/care-requests/" + id).then().statusCode(200).body("escalated", equalTo(false));
    }

    private static String file(Api.User who, String type) {
        return who.as().body(Map.of("type", type, "description", "请帮忙")).post("/api/care-requests").then().statusCode(201)
                .extract().path("id");
    }

    private static List<String> escalated(Api.User staff, OrgFixture org) {
        return staff.as().get("/api/care-requests?communityId=" + org.communityId() + "&escalated=true").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }
}
