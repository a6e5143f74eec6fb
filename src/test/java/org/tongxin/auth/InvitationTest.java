package org.tongxin.auth;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;
import org.tongxin.support.TestClock;

/** Invitations: the role ceiling, the scope, expiry and max uses under concurrency. */
@QuarkusTest
class InvitationTest {

    @Inject
    TestClock clock;

    @Test
    void streetAdminInvitesCommunityStaffWhoGainsTheRoleAfterRefresh() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User streetAdmin = Api.withRole(Role.STREET_ADMIN, org.street());
        String code = invite(streetAdmin, "COMMUNITY_STAFF", org.communityId(), 1).statusCode(201)
                .body("role", equalTo("COMMUNITY_STAFF"))
                .body("scopeId", equalTo(org.communityId().toString()))
                .body("maxUses", equalTo(1))
                .extract().path("code");
        Api.User invitee = Api.resident();
        accept(invitee, code).statusCode(200)
                .body("roles", hasItem("COMMUNITY_STAFF"))
                .body("scopes[0].communityId", equalTo(org.communityId().toString()))
                .body("scopes[0].streetId", equalTo(org.streetId().toString()));
        // The old token still says RESIDENT; the refreshed one carries the role.
        invitee.as().body(Map.of("name", "二网格")).post("/api/communities/" + org.communityId() + "/grids")
                .then().spec(problem(403, "FORBIDDEN"));
        Api.refresh(invitee).as().body(Map.of("name", "二网格")).post("/api/communities/" + org.communityId() + "/grids")
                .then().statusCode(201);
    }

    @Test
    void nobodyInvitesAboveTheirOwnRole() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        invite(staff, "STREET_ADMIN", org.streetId(), 1).spec(problem(403, "ROLE_NOT_INVITABLE"));
        invite(staff, "DISTRICT_ADMIN", null, 1).spec(problem(403, "ROLE_NOT_INVITABLE"));
        invite(staff, "GRID_WORKER", org.gridId(), 1).statusCode(201);
    }

    @Test
    void nobodyInvitesOutsideTheirScope() {
        Api.User admin = Api.districtAdmin();
        OrgFixture a = OrgFixture.streetToHousehold(admin);
        OrgFixture b = OrgFixture.streetToHousehold(admin);
        Api.User staffOfA = Api.withRole(Role.COMMUNITY_STAFF, a.community());
        invite(staffOfA, "GRID_WORKER", b.gridId(), 1).spec(problem(403, "ROLE_NOT_INVITABLE"));
        invite(staffOfA, "COMMUNITY_STAFF", b.communityId(), 1).spec(problem(403, "ROLE_NOT_INVITABLE"));
    }

    @Test
    void residentsAndVolunteersCannotInvite() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        invite(Api.resident(), "GRID_WORKER", org.gridId(), 1).spec(problem(403, "ROLE_NOT_INVITABLE"));
        invite(Api.withRole(Role.VOLUNTEER, org.community()), "VOLUNTEER", org.communityId(), 1).spec(problem(403, "ROLE_NOT_INVITABLE"));
    }

    @Test
    void scopeMustMatchTheRole() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        invite(admin, "COMMUNITY_STAFF", null, 1).spec(problem(400, "SCOPE_REQUIRED"));
        invite(admin, "DISTRICT_ADMIN", org.streetId(), 1).spec(problem(400, "SCOPE_NOT_ALLOWED"));
        invite(admin, "COMMUNITY_STAFF", UUID.randomUUID(), 1).spec(problem(404, "COMMUNITY_NOT_FOUND"));
        invite(admin, "COMMUNITY_STAFF", org.communityId(), 0).spec(problem(400, "VALIDATION_FAILED"));
        invite(admin, "RESIDENT", org.communityId(), 1).spec(problem(403, "ROLE_NOT_INVITABLE"));
        invite(admin, "NOT_A_ROLE", org.communityId(), 1).spec(problem(400, "VALIDATION_FAILED"));
        // A SUPPLIER invitation names the supplier (as its products do); no other role names one.
        invite(admin, "SUPPLIER", org.communityId(), 1).spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("supplier"));
        admin.as().body(Map.of("role", "COMMUNITY_STAFF", "scopeId", org.communityId(), "supplier", "一号保供公司"))
                .post("/api/invitations").then().spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("supplier"));
        admin.as().body(Map.of("role", "SUPPLIER", "scopeId", org.communityId(), "supplier", "一号保供公司"))
                .post("/api/invitations").then().statusCode(201).body("supplier", equalTo("一号保供公司"));
    }

    @Test
    void anInvitationExpiresWhenTheClockPassesItsExpiry() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Map<String, Object> past = body("GRID_WORKER", org.gridId(), 1);
        past.put("expiresAt", OffsetDateTime.now().minusMinutes(1).toString());
        admin.as().body(past).post("/api/invitations").then().spec(problem(400, "EXPIRY_IN_PAST"));

        Map<String, Object> hour = body("GRID_WORKER", org.gridId(), 5);
        hour.put("expiresAt", OffsetDateTime.now().plusHours(1).toString());
        String code = admin.as().body(hour).post("/api/invitations").then().statusCode(201).extract().path("code");
        String weekly = invite(admin, "GRID_WORKER", org.gridId(), 5).statusCode(201)
                .body("expiresAt", notNullValue()).extract().path("code");
        clock.advance(Duration.ofMinutes(59));
        accept(Api.resident(), code).statusCode(200);
        clock.advance(Duration.ofMinutes(2));
        accept(Api.resident(), code).spec(problem(410, "INVITATION_EXPIRED"));
        clock.advance(Duration.ofDays(7).minusMinutes(62));
        accept(Api.resident(), weekly).statusCode(200);
        clock.advance(Duration.ofMinutes(2));
        accept(Api.resident(), weekly).spec(problem(410, "INVITATION_EXPIRED"));
    }

    @Test
    void staffListAndRevokeInvitationsInTheirScope() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        OrgFixture other = OrgFixture.streetToHousehold(admin);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        Api.User staffOfOther = Api.withRole(Role.COMMUNITY_STAFF, other.community());
        var created = invite(admin, "GRID_WORKER", org.gridId(), 3).statusCode(201).extract();
        String id = created.path("id");
        String code = created.path("code");
        staff.as().get("/api/invitations").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.code", nullValue());
        staffOfOther.as().get("/api/invitations").then().statusCode(200).body("items.id", not(hasItem(id)));
        staffOfOther.as().post("/api/invitations/" + id + "/revoke").then().spec(problem(403, "ROLE_NOT_INVITABLE"));
        accept(Api.resident(), code).statusCode(200);
        staff.as().post("/api/invitations/" + id + "/revoke").then().statusCode(200).body("revokedAt", notNullValue())
                .body("usedCount", equalTo(1));
        accept(Api.resident(), code).spec(problem(410, "INVITATION_REVOKED"));
        staff.as().post("/api/invitations/" + UUID.randomUUID() + "/revoke").then().spec(problem(404, "INVITATION_NOT_FOUND"));
    }

    @Test
    void invitationsAreShortLivedAndForFewPeople() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        invite(admin, "GRID_WORKER", org.gridId(), 51).spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("maxUses"));
        Map<String, Object> month = body("GRID_WORKER", org.gridId(), 1);
        month.put("expiresAt", OffsetDateTime.now().plusDays(31).toString());
        admin.as().body(month).post("/api/invitations").then().spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("expiresAt"));
        month.put("expiresAt", OffsetDateTime.now().plusDays(29).toString());
        admin.as().body(month).post("/api/invitations").then().statusCode(201);
    }

    @Test
    void unknownCodeIs404() {
        accept(Api.resident(), "NOSUCHCODE12").spec(problem(404, "INVITATION_INVALID"));
    }

    @Test
    void acceptingTwiceUsesTheCodeOnce() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        String code = invite(admin, "GRID_WORKER", org.gridId(), 2).statusCode(201).extract().path("code");
        Api.User user = Api.resident();
        accept(user, code).statusCode(200);
        accept(user, code).statusCode(200).body("roles", hasItem("GRID_WORKER"));
        accept(Api.resident(), code).statusCode(200);
        accept(Api.resident(), code).spec(problem(409, "INVITATION_USED_UP"));
    }

    @Test
    void parallelAcceptsOfAOneUseCodeLetExactlyOneThrough() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        String code = invite(admin, "COMMUNITY_STAFF", org.communityId(), 1).statusCode(201).extract().path("code");
        int n = 12;
        List<Api.User> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(Api.resident());
        }
        List<String> outcomes = Parallel.run(users, u -> {
            var r = accept(u, code).extract();
            return r.statusCode() + " " + (r.statusCode() == 200 ? "" : r.path("code"));
        });
        assertEquals(1, outcomes.stream().filter("200 "::equals).count(), outcomes.toString());
        assertEquals(n - 1, outcomes.stream().filter("409 INVITATION_USED_UP"::equals).count(), outcomes.toString());
        long holders = users.stream().filter(u -> u.as().get("/api/me").then().extract().jsonPath()
                .getList("roles").contains("COMMUNITY_STAFF")).count();
        assertEquals(1, holders);
    }

    private static Map<String, Object> body(String role, UUID scopeId, int maxUses) {
        Map<String, Object> b = new HashMap<>();
        b.put("role", role);
        b.put("scopeId", scopeId);
        b.put("maxUses", maxUses);
        return b;
    }

    private static io.restassured.response.ValidatableResponse invite(Api.User by, String role, UUID scopeId, int maxUses) {
        return by.as().body(body(role, scopeId, maxUses)).post("/api/invitations").then();
    }

    private static io.restassured.response.ValidatableResponse accept(Api.User by, String code) {
        return by.as().body(Map.of("code", code)).post("/api/invitations/accept").then();
    }
}
