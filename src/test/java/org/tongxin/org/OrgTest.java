package org.tongxin.org;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;

/** The organisation tree: who may build which part of it, risk levels, households and join codes. */
@QuarkusTest
class OrgTest {

    @Test
    void districtAdminBuildsTheTree() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.resident().as().get("/api/communities/" + org.communityId()).then().statusCode(200)
                .body("streetId", equalTo(org.streetId().toString()))
                .body("kind", equalTo("COMMUNITY"))
                .body("riskLevel", equalTo("LOW"))
                .body("grids.name", contains("一网格"));
        admin.as().get("/api/streets").then().statusCode(200)
                .body("find { it.id == '" + org.streetId() + "' }.communities.id", contains(org.communityId().toString()));
    }

    @Test
    void streetAdminCreatesCommunitiesOnlyInTheirStreet() {
        Api.User admin = Api.districtAdmin();
        OrgFixture mine = OrgFixture.streetToHousehold(admin);
        OrgFixture other = OrgFixture.streetToHousehold(admin);
        Api.User streetAdmin = Api.withRole(Role.STREET_ADMIN, mine.street());
        streetAdmin.as().body(community(mine.streetId(), Api.unique("郗庄村"), "VILLAGE")).post("/api/communities")
                .then().statusCode(201).header("Location", containsString("/api/communities/")).body("kind", equalTo("VILLAGE"));
        streetAdmin.as().body(community(other.streetId(), Api.unique("村"), "VILLAGE")).post("/api/communities")
                .then().spec(problem(403, "FORBIDDEN"));
        streetAdmin.as().body(Map.of("name", Api.unique("街道"))).post("/api/streets").then().spec(problem(403, "FORBIDDEN"));
    }

    @Test
    void communityStaffOfAGetForbiddenOnB() {
        Api.User admin = Api.districtAdmin();
        OrgFixture a = OrgFixture.streetToHousehold(admin);
        OrgFixture b = OrgFixture.streetToHousehold(admin);
        Api.User staffA = Api.withRole(Role.COMMUNITY_STAFF, a.community());
        staffA.as().body(Map.of("name", "二网格")).post("/api/communities/" + a.communityId() + "/grids").then().statusCode(201);
        staffA.as().body(Map.of("name", "二网格")).post("/api/communities/" + b.communityId() + "/grids").then().spec(problem(403, "FORBIDDEN"));
        staffA.as().body(Map.of("name", "2号楼")).post("/api/grids/" + b.gridId() + "/buildings").then().spec(problem(403, "FORBIDDEN"));
        staffA.as().body(Map.of("room", "102")).post("/api/buildings/" + b.buildingId() + "/households").then().spec(problem(403, "FORBIDDEN"));
        staffA.as().body(Map.of("level", "HIGH")).put("/api/buildings/" + b.buildingId() + "/risk-level").then().spec(problem(403, "FORBIDDEN"));
        staffA.as().get("/api/buildings/" + b.buildingId() + "/households").then().spec(problem(403, "FORBIDDEN"));
        // Community risk levels are the street's decision.
        staffA.as().body(Map.of("level", "HIGH")).put("/api/communities/" + a.communityId() + "/risk-level").then().spec(problem(403, "FORBIDDEN"));
    }

    @Test
    void gridWorkerRegistersHouseholdsOnlyInTheirGrid() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        UUID otherGrid = UUID.fromString(admin.as().body(Map.of("name", "二网格"))
                .post("/api/communities/" + org.communityId() + "/grids").then().statusCode(201).extract().path("id"));
        UUID otherBuilding = UUID.fromString(admin.as().body(Map.of("name", "9号楼"))
                .post("/api/grids/" + otherGrid + "/buildings").then().statusCode(201).extract().path("id"));
        Api.User worker = Api.withRole(Role.GRID_WORKER, org.grid());
        worker.as().body(Map.of("room", "102")).post("/api/buildings/" + org.buildingId() + "/households")
                .then().statusCode(201).body("joinCode", matchesPattern("[0-9A-HJKMNP-TV-Z]{12}"));
        worker.as().body(Map.of("room", "102")).post("/api/buildings/" + otherBuilding + "/households").then().spec(problem(403, "FORBIDDEN"));
        worker.as().body(Map.of("name", "3号楼")).post("/api/grids/" + org.gridId() + "/buildings").then().spec(problem(403, "FORBIDDEN"));
        worker.as().get("/api/buildings/" + org.buildingId() + "/households").then().statusCode(200)
                .body("total", equalTo(2)).body("items.room", contains("101", "102"));
    }

    @Test
    void residentCannotCreateAnything() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User resident = Api.resident();
        resident.as().body(Map.of("name", Api.unique("街道"))).post("/api/streets").then().spec(problem(403, "FORBIDDEN"));
        resident.as().body(community(org.streetId(), "x", "COMMUNITY")).post("/api/communities").then().spec(problem(403, "FORBIDDEN"));
        resident.as().body(Map.of("name", "x")).post("/api/communities/" + org.communityId() + "/grids").then().spec(problem(403, "FORBIDDEN"));
        resident.as().body(Map.of("name", "x")).post("/api/grids/" + org.gridId() + "/buildings").then().spec(problem(403, "FORBIDDEN"));
        resident.as().body(Map.of("room", "x")).post("/api/buildings/" + org.buildingId() + "/households").then().spec(problem(403, "FORBIDDEN"));
        resident.as().body(Map.of("level", "HIGH")).put("/api/communities/" + org.communityId() + "/risk-level").then()
                .spec(problem(403, "FORBIDDEN"));
    }

    @Test
    void buildingInheritsItsCommunityRiskLevelUntilItHasItsOwn() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User streetAdmin = Api.withRole(Role.STREET_ADMIN, org.street());
        streetAdmin.as().body(Map.of("level", "MEDIUM")).put("/api/communities/" + org.communityId() + "/risk-level")
                .then().statusCode(200).body("riskLevel", equalTo("MEDIUM"));
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        staff.as().body(Map.of("level", "HIGH")).put("/api/buildings/" + org.buildingId() + "/risk-level")
                .then().statusCode(200).body("riskLevel", equalTo("HIGH")).body("effectiveRiskLevel", equalTo("HIGH"));
        Map<String, Object> inherit = new HashMap<>();
        inherit.put("level", null);
        staff.as().body(inherit).put("/api/buildings/" + org.buildingId() + "/risk-level")
                .then().statusCode(200).body("riskLevel", nullValue()).body("effectiveRiskLevel", equalTo("MEDIUM"));
        streetAdmin.as().body(Map.of("level", "SEVERE")).put("/api/communities/" + org.communityId() + "/risk-level")
                .then().spec(problem(400, "VALIDATION_FAILED"));
        streetAdmin.as().body("{}").put("/api/communities/" + org.communityId() + "/risk-level")
                .then().spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("level"));
    }

    @Test
    void residentJoinsAHouseholdWithItsJoinCode() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User resident = Api.resident();
        resident.as().body(Map.of("joinCode", org.joinCode().toLowerCase())).post("/api/me/household").then().statusCode(200)
                .body("householdId", equalTo(org.householdId().toString()))
                .body("buildingId", equalTo(org.buildingId().toString()))
                .body("communityId", equalTo(org.communityId().toString()));
        resident.as().get("/api/me").then().body("householdId", equalTo(org.householdId().toString()));
        resident.as().body(Map.of("joinCode", "ZZZZZZZZ")).post("/api/me/household").then().spec(problem(404, "JOIN_CODE_INVALID"));
    }

    @Test
    void aHouseholdNeverTakesMoreThanItsMembersEvenInParallel() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        List<Api.User> family = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            family.add(Api.resident());
        }
        List<String> outcomes = Parallel.run(family, u -> {
            var r = u.as().body(Map.of("joinCode", org.joinCode())).post("/api/me/household").then().extract();
            return r.statusCode() + " " + (r.statusCode() == 200 ? "" : r.path("code"));
        });
        assertEquals(10, outcomes.stream().filter("200 "::equals).count(), outcomes.toString());
        assertEquals(5, outcomes.stream().filter("409 HOUSEHOLD_FULL"::equals).count(), outcomes.toString());
        assertEquals(10, Db.count("SELECT count(*) FROM app_user WHERE household_id = ?", org.householdId()));
        admin.as().get("/api/buildings/" + org.buildingId() + "/households").then().body("items[0].members", equalTo(10));

        // One member moves to another flat: a place frees up, and joining twice counts once.
        String other = admin.as().body(Map.of("room", "102")).post("/api/buildings/" + org.buildingId() + "/households")
                .then().statusCode(201).extract().path("joinCode");
        Api.User mover = family.get(outcomes.indexOf("200 "));
        mover.as().body(Map.of("joinCode", other)).post("/api/me/household").then().statusCode(200);
        mover.as().body(Map.of("joinCode", other)).post("/api/me/household").then().statusCode(200);
        Api.User late = family.get(outcomes.indexOf("409 HOUSEHOLD_FULL"));
        late.as().body(Map.of("joinCode", org.joinCode())).post("/api/me/household").then().statusCode(200);
        assertEquals(1, Db.count("SELECT members FROM household WHERE join_code = ?", other));
    }

    @Test
    void peopleMovingBetweenTwoHouseholdsInOppositeDirectionsDoNotDeadlock() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        String other = admin.as().body(Map.of("room", "102")).post("/api/buildings/" + org.buildingId() + "/households")
                .then().statusCode(201).extract().path("joinCode");
        List<Api.User> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Api.User u = Api.resident();
            u.as().body(Map.of("joinCode", i % 2 == 0 ? org.joinCode() : other)).post("/api/me/household").then().statusCode(200);
            people.add(u);
        }
        List<Integer> statuses = Parallel.run(people, u -> {
            int i = people.indexOf(u);
            int last = 0;
            for (int round = 0; round < 4; round++) {
                boolean toFirst = (i + round) % 2 == 1;
                last = u.as().body(Map.of("joinCode", toFirst ? org.joinCode() : other)).post("/api/me/household")
                        .then().extract().statusCode();
                if (last != 200) {
                    return last;
                }
            }
            return last;
        });
        assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
        assertEquals(0, Db.count("""
                SELECT count(*) FROM household h WHERE h.members <> (SELECT count(*) FROM app_user u WHERE u.household_id = h.id)
                  AND h.building_id = ?""", org.buildingId()));
    }

    @Test
    void staffRotateAJoinCodeAndTheOldOneStopsWorking() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User member = Api.resident();
        member.as().body(Map.of("joinCode", org.joinCode())).post("/api/me/household").then().statusCode(200);
        Api.User worker = Api.withRole(Role.GRID_WORKER, org.grid());
        String fresh = worker.as().post("/api/households/" + org.householdId() + "/join-code").then().statusCode(200)
                .body("members", equalTo(1)).extract().path("joinCode");
        assertEquals(12, fresh.length());
        Api.resident().as().body(Map.of("joinCode", org.joinCode())).post("/api/me/household").then()
                .spec(problem(404, "JOIN_CODE_INVALID"));
        String printed = fresh.substring(0, 4) + "-" + fresh.substring(4, 8) + " " + fresh.substring(8);
        Api.resident().as().body(Map.of("joinCode", printed)).post("/api/me/household").then().statusCode(200);
        member.as().get("/api/me").then().body("householdId", equalTo(org.householdId().toString()));
        Api.resident().as().post("/api/households/" + org.householdId() + "/join-code").then().spec(problem(403, "FORBIDDEN"));
        worker.as().post("/api/households/" + UUID.randomUUID() + "/join-code").then().spec(problem(404, "HOUSEHOLD_NOT_FOUND"));
    }

    @Test
    void guessingJoinCodesIsLimitedPerUserAndPerAddress() {
        Api.User guesser = Api.resident();
        for (int i = 0; i < 10; i++) {
            guesser.as().body(Map.of("joinCode", "ZZZZZZZZZZZ" + i)).post("/api/me/household").then()
                    .spec(problem(404, "JOIN_CODE_INVALID"));
        }
        guesser.as().body(Map.of("joinCode", "ZZZZZZZZZZZZ")).post("/api/me/household").then().spec(problem(429, "RATE_LIMITED"));
        // Many accounts behind one address share the address's budget (30 a minute).
        String address = Api.randomAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Api.User u = Api.resident();
            Api.User same = new Api.User(u.id(), u.accessToken(), u.refreshToken(), address);
            for (int j = 0; j < 9; j++) {
                statuses.add(same.as().body(Map.of("joinCode", "YYYYYYYYYYY" + j)).post("/api/me/household").then()
                        .extract().statusCode());
            }
        }
        assertEquals(30, statuses.stream().filter(s -> s == 404).count(), statuses.toString());
        assertEquals(6, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    void duplicateNamesAre409() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        admin.as().body(Map.of("name", "一网格")).post("/api/communities/" + org.communityId() + "/grids")
                .then().spec(problem(409, "NAME_TAKEN"));
        admin.as().body(Map.of("room", "101")).post("/api/buildings/" + org.buildingId() + "/households")
                .then().spec(problem(409, "ROOM_TAKEN"));
    }

    @Test
    void parallelCreationOfTheSameGridCreatesItOnce() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        int n = 10;
        List<String> outcomes = Parallel.times(n, i -> {
            var r = admin.as().body(Map.of("name", "并发网格")).post("/api/communities/" + org.communityId() + "/grids")
                    .then().extract();
            return r.statusCode() + " " + (r.statusCode() == 201 ? "" : r.path("code"));
        });
        assertEquals(1, outcomes.stream().filter("201 "::equals).count(), outcomes.toString());
        assertEquals(n - 1, outcomes.stream().filter("409 NAME_TAKEN"::equals).count(), outcomes.toString());
        admin.as().get("/api/communities/" + org.communityId()).then().body("grids.name", hasItems("一网格", "并发网格"))
                .body("grids.size()", equalTo(2));
    }

    @Test
    void unknownParentsAre404() {
        Api.User admin = Api.districtAdmin();
        admin.as().body(community(UUID.randomUUID(), "x", "COMMUNITY")).post("/api/communities").then().spec(problem(404, "STREET_NOT_FOUND"));
        admin.as().get("/api/communities/" + UUID.randomUUID()).then().spec(problem(404, "COMMUNITY_NOT_FOUND"));
        admin.as().body(Map.of("name", "x")).post("/api/grids/" + UUID.randomUUID() + "/buildings").then().spec(problem(404, "GRID_NOT_FOUND"));
        admin.as().get("/api/communities/not-a-uuid").then().spec(problem(400, "VALIDATION_FAILED"));
    }

    private static Map<String, Object> community(UUID streetId, String name, String kind) {
        return Map.of("streetId", streetId, "name", name, "kind", kind);
    }
}
