package org.tongxin.auth;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.*;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.OrgFixture;

/** Invitations: the role ceiling, the scope, expiry and max uses under concurrency. */
@QuarkusTest
class InvitationTest {

    @Test
    void streetAdminInvitesCommunityStaffWhoGainsTheRoleAfterRefresh() {
        OrgFixture org = OrgFixture.create(Api.districtAdmin());
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
                .then().statusCode(403);
        Api.refresh(invitee).as().body(Map.of("name", "二网格")).post("/api/communities/" + org.communityId() + "/grids")
                .then().statusCode(201);
    }

    @Test
    void nobodyInvitesAboveTheirOwnRole() {
        OrgFixture org = OrgFixture.create(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        invite(staff, "STREET_ADMIN", org.streetId(), 1).statusCode(403).body("code", equalTo("ROLE_NOT_INVITABLE"));
        invite(staff, "DISTRICT_ADMIN", null, 1).statusCode(403);
        invite(staff, "GRID_WORKER", org.gridId(), 1).statusCode(201);
    }

    @Test
    void nobodyInvitesOutsideTheirScope() {
        Api.User admin = Api.districtAdmin();
        OrgFixture a = OrgFixture.create(admin);
        OrgFixture b = OrgFixture.create(admin);
        Api.User staffOfA = Api.withRole(Role.COMMUNITY_STAFF, a.community());
        invite(staffOfA, "GRID_WORKER", b.gridId(), 1).statusCode(403);
        invite(staffOfA, "COMMUNITY_STAFF", b.communityId(), 1).statusCode(403);
    }

    @Test
    void residentsAndVolunteersCannotInvite() {
        OrgFixture org = OrgFixture.create(Api.districtAdmin());
        invite(Api.resident(), "GRID_WORKER", org.gridId(), 1).statusCode(403);
        invite(Api.withRole(Role.VOLUNTEER, org.community()), "VOLUNTEER", org.communityId(), 1).statusCode(403);
    }

    @Test
    void scopeMustMatchTheRole() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.create(admin);
        invite(admin, "COMMUNITY_STAFF", null, 1).statusCode(400).body("code", equalTo("SCOPE_REQUIRED"));
        invite(admin, "DISTRICT_ADMIN", org.streetId(), 1).statusCode(400).body("code", equalTo("SCOPE_NOT_ALLOWED"));
        invite(admin, "COMMUNITY_STAFF", UUID.randomUUID(), 1).statusCode(404).body("code", equalTo("COMMUNITY_NOT_FOUND"));
        invite(admin, "COMMUNITY_STAFF", org.communityId(), 0).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        invite(admin, "RESIDENT", org.communityId(), 1).statusCode(403);
        invite(admin, "NOT_A_ROLE", org.communityId(), 1).statusCode(400);
    }

    @Test
    void expiredInvitationIs410AndPastExpiryIsRefused() throws InterruptedException {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.create(admin);
        Map<String, Object> past = body("GRID_WORKER", org.gridId(), 1);
        past.put("expiresAt", OffsetDateTime.now().minusMinutes(1).toString());
        admin.as().body(past).post("/api/invitations").then().statusCode(400).body("code", equalTo("EXPIRY_IN_PAST"));

        Map<String, Object> soon = body("GRID_WORKER", org.gridId(), 1);
        soon.put("expiresAt", OffsetDateTime.now().plusSeconds(3).toString());
        String code = admin.as().body(soon).post("/api/invitations").then().statusCode(201).extract().path("code");
        Thread.sleep(3500);
        accept(Api.resident(), code).statusCode(410).body("code", equalTo("INVITATION_EXPIRED"));
    }

    @Test
    void unknownCodeIs404() {
        accept(Api.resident(), "NOSUCHCODE12").statusCode(404).body("code", equalTo("INVITATION_INVALID"));
    }

    @Test
    void acceptingTwiceUsesTheCodeOnce() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.create(admin);
        String code = invite(admin, "GRID_WORKER", org.gridId(), 2).statusCode(201).extract().path("code");
        Api.User user = Api.resident();
        accept(user, code).statusCode(200);
        accept(user, code).statusCode(200).body("roles", hasItem("GRID_WORKER"));
        accept(Api.resident(), code).statusCode(200);
        accept(Api.resident(), code).statusCode(409).body("code", equalTo("INVITATION_USED_UP"));
    }

    @Test
    void parallelAcceptsOfAOneUseCodeLetExactlyOneThrough() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.create(admin);
        String code = invite(admin, "COMMUNITY_STAFF", org.communityId(), 1).statusCode(201).extract().path("code");
        int n = 12;
        List<Api.User> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(Api.resident());
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (Api.User u : users) {
            results.add(pool.submit(() -> {
                start.await();
                return accept(u, code).extract().statusCode();
            }));
        }
        start.countDown();
        int ok = 0;
        int usedUp = 0;
        for (Future<Integer> f : results) {
            int status = f.get(30, TimeUnit.SECONDS);
            if (status == 200) ok++;
            if (status == 409) usedUp++;
        }
        pool.shutdown();
        assertEquals(1, ok);
        assertEquals(n - 1, usedUp);
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
