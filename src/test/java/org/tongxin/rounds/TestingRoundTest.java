package org.tongxin.rounds;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;
import org.tongxin.support.ShiftFixture;

/** docs/testing-rounds.md: planning a round, calling groups exactly once, the station, coverage. */
@QuarkusTest
class TestingRoundTest {

    private static final java.util.concurrent.atomic.AtomicInteger DAY = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void aRoundCallsItsGroupsInLaneOrderAsTheSiteEmptiesAndCountsEveryone() throws Exception {
        Village v = village(6, 3);
        Api.User resident = Api.resident();
        resident.as().body(Map.of("joinCode", v.joinCodes.get(0))).post("/api/me/household").then().statusCode(200);
        JsonPath round = v.staff.as().body(Map.of("communityId", v.org.communityId(), "date", date(), "sites", List.of(Map.of(
                "name", "北门", "place", "北门广场", "cap", 10, "callNextAt", 4, "gridIds", List.of(v.org.gridId())))))
                .post("/api/testing-rounds").then().statusCode(201).body("status", equalTo("PLANNED"))
                .body("sites[0].groups.seq", contains(1, 2, 3)).body("sites[0].groups.people", contains(6, 6, 6))
                .body("sites[0].groups[0].label", equalTo("一网格 1号楼102–1号楼103")).extract().jsonPath();
        String id = round.getString("id");
        String site = round.getString("sites[0].id");
        List<String> groups = round.getList("sites[0].groups.id");

        v.staff.as().body(Map.of("siteId", site, "householdId", v.households.get(0))).post(path(id, "arrivals"))
                .then().spec(problem(409, "ROUND_NOT_RUNNING"));
        v.staff.as().post(path(id, "start")).then().statusCode(200).body("status", equalTo("RUNNING"));
        v.staff.as().post(path(id, "start")).then().spec(problem(409, "ROUND_NOT_PLANNED"));
        v.staff.as().get(path(id, "sites")).then().statusCode(200).body("[0].calledGroups.id", contains(groups.get(0)))
                .body("[0].nextGroupId", equalTo(groups.get(1))).body("[0].expected", equalTo(6));
        resident.as().get("/api/notices/feed").then().statusCode(200).body("items.title", hasItem(RoundCalls.TITLE))
                .body("items.find { it.title == '核酸检测叫号' }.body", containsString("北门"));

        v.staff.as().body(Map.of("siteId", site, "householdId", v.households.get(2))).post(path(id, "arrivals"))
                .then().spec(problem(409, "GROUP_NOT_CALLED"));
        for (int h = 0; h < 2; h++) {
            v.staff.as().body(Map.of("siteId", site, "householdId", v.households.get(h))).post(path(id, "arrivals"))
                    .then().statusCode(200).body("onSite", equalTo(3 * (h + 1)));
        }
        v.staff.as().body(Map.of("siteId", site, "memberIds", v.members.get(0).subList(0, 1))).post(path(id, "samples"))
                .then().statusCode(200).body("onSite", equalTo(5)).body("calledGroupId", nullValue());
        v.staff.as().body(Map.of("siteId", site, "memberIds", v.members.get(0).subList(0, 2))).post(path(id, "samples"))
                .then().spec(problem(409, "ALREADY_SAMPLED"));
        v.staff.as().body(Map.of("siteId", site, "memberIds", v.members.get(2).subList(0, 1))).post(path(id, "samples"))
                .then().spec(problem(409, "NOT_ARRIVED"));
        v.staff.as().body(Map.of("siteId", site, "memberIds", v.members.get(0).subList(1, 2))).post(path(id, "samples"))
                .then().statusCode(200).body("onSite", equalTo(4)).body("calledGroupId", equalTo(groups.get(1)));
        v.staff.as().body(Map.of("siteId", site, "memberIds", v.members.get(0).subList(2, 3))).post(path(id, "samples"))
                .then().statusCode(200).body("onSite", equalTo(3)).body("calledGroupId", nullValue());
        v.staff.as().post(path(id, "sites/" + site + "/call-next")).then().spec(problem(409, "SITE_FULL"));

        v.staff.as().body(Map.of("memberId", v.members.get(1).get(0), "reason", "AWAY")).post(path(id, "skips"))
                .then().statusCode(200);
        v.staff.as().body(Map.of("memberId", v.members.get(3).get(0), "reason", "HOME_SAMPLING")).post(path(id, "skips"))
                .then().statusCode(200);
        v.staff.as().get(path(id, "sites")).then().body("[0].onSite", equalTo(2)).body("[0].expected", equalTo(5));
        Api.User volunteer = ShiftFixture.volunteer(v.org, v.staff);
        volunteer.as().body(Map.of("memberIds", v.members.get(3).subList(0, 1))).post(path(id, "samples")).then().statusCode(200)
                .body("sampled", equalTo(1)).body("onSite", nullValue());

        v.staff.as().body(Map.of("memberId", v.members.get(5).get(0), "reason", "HOME_SAMPLING")).post(path(id, "skips"))
                .then().statusCode(200);
        v.staff.as().body(Map.of("householdId", v.households.get(2), "name", "孙卧床", "category", "DISABLED"))
                .post("/api/vulnerable-persons").then().statusCode(201);
        resident.as().body(Map.of("type", "HOME_SAMPLING", "description", "老人行动不便，请上门采样")).post("/api/care-requests")
                .then().statusCode(201);
        volunteer.as().get(path(id, "home-sampling")).then().statusCode(200).body("memberId", contains(v.members.get(5).get(0)))
                .body("[0].room", equalTo("104")).body("[0].buildingName", equalTo("2号楼")).body("[0].source", equalTo("MARKED"));
        v.staff.as().get(path(id, "home-sampling")).then().statusCode(200)
                .body("source", contains("CARE_REQUEST", "REGISTER", "MARKED")).body("[1].nameMasked", equalTo("孙*床"))
                .body("[0].room", equalTo("102")).body("[0].memberId", nullValue());
        v.staff.as().get(path(id, "unsampled?size=100")).then().statusCode(200).body("total", equalTo(14))
                .body("items.find { it.memberId == '" + v.members.get(1).get(0) + "' }.skipReason", equalTo("AWAY"));
        v.staff.as().get(path(id, "coverage")).then().statusCode(200).body("residents", equalTo(18)).body("sampled", equalTo(4))
                .body("skipped", equalTo(2)).body("missing", equalTo(12)).body("rows[0].name", equalTo("一网格"));
        v.staff.as().get(path(id, "coverage?by=household")).then().statusCode(200).body("rows", hasSize(6))
                .body("rows[0].name", equalTo("1号楼 102")).body("rows[0].sampled", equalTo(3));
        String csv = v.staff.as().get(path(id, "coverage?format=csv")).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.contains("合计,18,4,2,12"), csv);
        byte[] xlsx = v.staff.as().get(path(id, "coverage?format=xlsx&by=building")).then().statusCode(200).extract().asByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertEquals(4, wb.getSheet(0).orElseThrow().read().size(), "header, two buildings and the total");
            assertEquals(1 + 14, wb.getSheet(1).orElseThrow().read().size(), "everyone not sampled, one line each");
        }
        v.staff.as().get(path(id, "coverage?by=building")).then().statusCode(200).body("rows.name", contains("1号楼", "2号楼"))
                .body("rows.residents", contains(9, 9));
        v.staff.as().get(path(id, "coverage?by=lane")).then().spec(problem(400, "VALIDATION_FAILED"));
        resident.as().get("/api/households/" + v.households.get(0) + "/members").then().statusCode(200)
                .body("round.state", contains("SAMPLED", "SAMPLED", "SAMPLED")).body("[0].round.roundId", equalTo(id));
        v.staff.as().get("/api/households/" + v.households.get(1) + "/members").then().statusCode(200)
                .body("round.state", contains("SKIPPED", "ON_SITE", "ON_SITE")).body("[0].round.skipReason", equalTo("AWAY"));
        v.staff.as().get("/api/households/" + v.households.get(4) + "/members").then().statusCode(200)
                .body("round.state", everyItem(equalTo("WAITING")));
        assertEquals(2, Db.count("SELECT count(*) FROM notice WHERE ref IN (?, ?)", "round-call:" + groups.get(0),
                "round-call:" + groups.get(1)));
    }

    @Test
    void onlyStaffPlanAndStartOnlyLaneHeadsAndStaffScanAndEveryRefusalIsACode() {
        Village v = village(2, 2);
        Map<String, Object> body = Map.of("communityId", v.org.communityId(), "date", date(), "sites", List.of(Map.of(
                "name", "南门", "place", "南门", "gridIds", List.of(v.org.gridId()))));
        Api.User laneHead = Api.withRole(Role.GRID_WORKER, v.org.grid());
        laneHead.as().body(body).post("/api/testing-rounds").then().spec(problem(403, "FORBIDDEN"));
        String id = v.staff.as().body(body).post("/api/testing-rounds").then().statusCode(201)
                .body("sites[0].cap", equalTo(30)).body("sites[0].callNextAt", equalTo(10)).extract().path("id");
        v.staff.as().body(body).post("/api/testing-rounds").then().spec(problem(409, "ROUND_EXISTS"));
        laneHead.as().post(path(id, "start")).then().spec(problem(403, "FORBIDDEN"));
        laneHead.as().get(path(id, "sites")).then().statusCode(200);
        Api.resident().as().get(path(id, "sites")).then().spec(problem(403, "FORBIDDEN"));
        v.staff.as().get("/api/testing-rounds/" + UUID.randomUUID()).then().spec(problem(404, "ROUND_NOT_FOUND"));

        OrgFixture other = OrgFixture.streetToHousehold(Api.districtAdmin());
        v.staff.as().body(Map.of("communityId", v.org.communityId(), "date", date(), "sites", List.of(Map.of(
                "name", "西门", "place", "西门", "gridIds", List.of(other.gridId()))))).post("/api/testing-rounds")
                .then().spec(problem(400, "GRID_NOT_IN_COMMUNITY"));
        v.staff.as().body(Map.of("communityId", v.org.communityId(), "date", date(), "sites", List.of(
                Map.of("name", "西门", "place", "西门", "gridIds", List.of(v.org.gridId())),
                Map.of("name", "东门", "place", "东门", "gridIds", List.of(v.org.gridId()))))).post("/api/testing-rounds")
                .then().spec(problem(400, "GRID_TWICE"));
        v.staff.as().body(Map.of("communityId", v.org.communityId(), "date", date(), "sites", List.of(Map.of(
                "name", "西门", "place", "西门", "cap", 3, "callNextAt", 2, "gridIds", List.of(v.org.gridId())))))
                .post("/api/testing-rounds").then().spec(problem(400, "CALL_GROUP_TOO_SMALL"));
        v.staff.as().body(Map.of("communityId", v.org.communityId(), "date", date(), "sites", List.of(Map.of(
                "name", "西门", "place", "西门", "cap", 10, "callNextAt", 10, "gridIds", List.of(v.org.gridId())))))
                .post("/api/testing-rounds").then().spec(problem(400, "VALIDATION_FAILED"));
        v.staff.as().body(Map.of("memberId", v.members.get(0).get(0), "reason", "NOWHERE")).post(path(id, "skips"))
                .then().spec(problem(400, "VALIDATION_FAILED"));
        v.staff.as().body(Map.of("memberId", UUID.randomUUID(), "reason", "AWAY")).post(path(id, "skips"))
                .then().spec(problem(400, "NOT_IN_ROUND"));
    }

    @Test
    void aPausedSiteCallsNoGroupUntilResumedAndOnlyStaffSteerIt() {
        Village v = village(4, 3);
        JsonPath round = v.staff.as().body(Map.of("communityId", v.org.communityId(), "date", date(), "sites", List.of(Map.of(
                "name", "北门", "place", "北门", "cap", 10, "callNextAt", 4, "gridIds", List.of(v.org.gridId())))))
                .post("/api/testing-rounds").then().statusCode(201).extract().jsonPath();
        String id = round.getString("id");
        String site = round.getString("sites[0].id");
        List<String> groups = round.getList("sites[0].groups.id");
        v.staff.as().post(path(id, "sites/" + site + "/pause")).then().spec(problem(409, "ROUND_NOT_RUNNING"));
        v.staff.as().post(path(id, "start")).then().statusCode(200);
        Api.User laneHead = Api.withRole(Role.GRID_WORKER, v.org.grid());
        laneHead.as().post(path(id, "sites/" + site + "/pause")).then().spec(problem(403, "FORBIDDEN"));
        laneHead.as().post(path(id, "sites/" + site + "/call-next")).then().spec(problem(403, "FORBIDDEN"));
        v.staff.as().post(path(id, "sites/" + UUID.randomUUID() + "/pause")).then().spec(problem(404, "SITE_NOT_FOUND"));

        v.staff.as().post(path(id, "sites/" + site + "/pause")).then().statusCode(200).body("[0].paused", equalTo(true));
        for (int h = 0; h < 2; h++) {
            v.staff.as().body(Map.of("siteId", site, "householdId", v.households.get(h))).post(path(id, "arrivals")).then().statusCode(200);
        }
        v.staff.as().body(Map.of("siteId", site, "memberIds", v.members.get(0))).post(path(id, "samples")).then().statusCode(200)
                .body("onSite", equalTo(3)).body("calledGroupId", nullValue());
        v.staff.as().post(path(id, "sites/" + site + "/resume")).then().statusCode(200).body("[0].paused", equalTo(false))
                .body("[0].calledGroups.id", contains(groups.get(0), groups.get(1))).body("[0].expected", equalTo(6));
        v.staff.as().body(Map.of("siteId", site, "memberIds", v.members.get(1))).post(path(id, "samples")).then().statusCode(200)
                .body("onSite", equalTo(0)).body("calledGroupId", nullValue());
        v.staff.as().post(path(id, "sites/" + site + "/call-next")).then().spec(problem(409, "NO_GROUP_LEFT"));

        Api.User stranger = Api.resident();
        stranger.as().get(path(id, "unsampled")).then().spec(problem(403, "FORBIDDEN"));
        stranger.as().get(path(id, "home-sampling")).then().spec(problem(403, "FORBIDDEN"));
        stranger.as().get(path(id, "coverage?format=csv")).then().spec(problem(403, "FORBIDDEN"));
        v.staff.as().get("/api/testing-rounds/" + UUID.randomUUID() + "/home-sampling").then().spec(problem(404, "ROUND_NOT_FOUND"));
    }

    /** An arrival at the wrong site, of a stranger or with someone of another household is refused whole: nobody counts as on site. */
    @Test
    void anArrivalOfTheWrongSiteOrWithAStrangerIsRefusedAndCountsNobody() {
        Village v = village(2, 3);
        String lane2 = v.staff.as().body(Map.of("name", "二网格")).post("/api/communities/" + v.org.communityId() + "/grids")
                .then().statusCode(201).extract().path("id");
        String building = v.staff.as().body(Map.of("name", "9号楼")).post("/api/grids/" + lane2 + "/buildings")
                .then().statusCode(201).extract().path("id");
        String far = v.staff.as().body(Map.of("room", "901")).post("/api/buildings/" + building + "/households")
                .then().statusCode(201).extract().path("id");
        v.staff.as().body(Map.of("name", "远户")).post("/api/households/" + far + "/members").then().statusCode(201);
        JsonPath round = v.staff.as().body(Map.of("communityId", v.org.communityId(), "date", date(), "sites", List.of(
                Map.of("name", "北门", "place", "北门", "gridIds", List.of(v.org.gridId())),
                Map.of("name", "南门", "place", "南门", "gridIds", List.of(lane2))))).post("/api/testing-rounds")
                .then().statusCode(201).extract().jsonPath();
        String id = round.getString("id");
        String north = round.getString("sites[0].id");
        v.staff.as().post(path(id, "start")).then().statusCode(200);

        v.staff.as().body(Map.of("siteId", north, "householdId", far)).post(path(id, "arrivals"))
                .then().spec(problem(409, "WRONG_SITE"));
        v.staff.as().body(Map.of("siteId", north, "householdId", UUID.randomUUID())).post(path(id, "arrivals"))
                .then().spec(problem(400, "NOT_IN_ROUND"));
        v.staff.as().body(Map.of("siteId", north, "householdId", v.households.get(0),
                "memberIds", List.of(v.members.get(0).get(0), v.members.get(1).get(0)))).post(path(id, "arrivals"))
                .then().spec(problem(400, "NOT_IN_ROUND"));
        v.staff.as().body(Map.of("siteId", UUID.randomUUID(), "householdId", v.households.get(0))).post(path(id, "arrivals"))
                .then().spec(problem(404, "SITE_NOT_FOUND"));
        v.staff.as().body(Map.of("siteId", UUID.randomUUID(), "memberIds", v.members.get(0))).post(path(id, "samples"))
                .then().spec(problem(404, "SITE_NOT_FOUND"));
        v.staff.as().get(path(id, "sites")).then().statusCode(200).body("[0].onSite", equalTo(0));

        v.staff.as().body(Map.of("siteId", north, "householdId", v.households.get(0),
                "memberIds", v.members.get(0).subList(0, 2))).post(path(id, "arrivals")).then().statusCode(200).body("onSite", equalTo(2));
        v.staff.as().body(Map.of("siteId", north, "householdId", v.households.get(0))).post(path(id, "arrivals"))
                .then().statusCode(200).body("onSite", equalTo(3));
        v.staff.as().body(Map.of("siteId", north, "householdId", v.households.get(0))).post(path(id, "arrivals"))
                .then().statusCode(200).body("onSite", equalTo(3));
    }

    /**
     * Two phones scan a round of 60 households at once, wave after wave, as the site empties: each
     * group is called exactly once, in order, never while another called group is still to come
     * (on site + expected stays within the cap), and the coverage counts every scan.
     */
    @Test
    void twoPhonesScanningAtOnceCallEachGroupOnceInOrderAndNeverPassTheCap() throws Exception {
        Village v = village(60, 2);
        Api.User phoneA = v.staff;
        Api.User phoneB = Api.withRole(Role.GRID_WORKER, v.org.grid());
        JsonPath round = v.staff.as().body(Map.of("communityId", v.org.communityId(), "date", date(), "sites", List.of(Map.of(
                "name", "村委会", "place", "村委会广场", "gridIds", List.of(v.org.gridId())))))
                .post("/api/testing-rounds").then().statusCode(201).extract().jsonPath();
        String id = round.getString("id");
        String site = round.getString("sites[0].id");
        List<String> groups = round.getList("sites[0].groups.id");
        assertEquals(6, groups.size(), "120 people in groups of at most 30 - 10");
        v.staff.as().post(path(id, "start")).then().statusCode(200);

        List<String> done = new ArrayList<>();
        int scans = 0;
        while (done.size() < groups.size()) {
            JsonPath state = v.staff.as().get(path(id, "sites")).then().statusCode(200).extract().jsonPath();
            List<String> called = state.getList("[0].calledGroups.id");
            List<String> fresh = called.stream().filter(g -> !done.contains(g)).toList();
            assertEquals(1, fresh.size(), "one group called at a time: " + called);
            assertEquals(groups.get(done.size()), fresh.get(0), "in lane order");
            done.add(fresh.get(0));
            List<String> households = Db.strings("SELECT household_id::text FROM call_group_household WHERE group_id = ?::uuid",
                    fresh.get(0));
            // each household scanned in, then its people sampled one by one; all households at once, as at a busy site
            List<List<Integer>> statuses = Parallel.run(households, h -> {
                Api.User phone = h.hashCode() % 2 == 0 ? phoneA : phoneB;
                List<Integer> out = new ArrayList<>();
                out.add(phone.as().body(Map.of("siteId", site, "householdId", h)).post(path(id, "arrivals")).then().extract().statusCode());
                for (String m : Db.strings("SELECT member_id::text FROM round_member WHERE round_id = ?::uuid AND household_id = ?::uuid",
                        id, h)) {
                    out.add(phone.as().body(Map.of("siteId", site, "memberIds", List.of(m))).post(path(id, "samples")).then().extract()
                            .statusCode());
                }
                return out;
            });
            assertTrue(statuses.stream().flatMap(List::stream).allMatch(s -> s == 200), statuses.toString());
            scans += statuses.stream().mapToInt(List::size).sum();
            assertTrue(Db.count("SELECT on_site + expected FROM testing_site WHERE id = ?::uuid", site) <= 30);
        }
        assertEquals(60 + 120, scans);
        assertEquals(6, Db.count("SELECT count(*) FROM notice WHERE ref LIKE 'round-call:%' AND ref IN (SELECT 'round-call:' || id "
                + "FROM call_group WHERE round_id = ?::uuid)", id));
        assertEquals(0, Db.count("""
                SELECT count(*) FROM call_group a JOIN call_group b ON a.site_id = b.site_id AND a.seq < b.seq
                WHERE a.round_id = ?::uuid AND a.called_at > b.called_at""", id), "called in sequence order");
        v.staff.as().get(path(id, "coverage")).then().body("residents", equalTo(120)).body("sampled", equalTo(120))
                .body("missing", equalTo(0));
        v.staff.as().get(path(id, "sites")).then().body("[0].onSite", equalTo(0)).body("[0].expected", equalTo(0))
                .body("[0].nextGroupId", nullValue());
    }

    private static String path(String round, String rest) {
        return "/api/testing-rounds/" + round + "/" + rest;
    }

    /** A date of its own per round (a community has one round a day). */
    private static String date() {
        return java.time.LocalDate.of(2027, 1, 1).plusDays(DAY.incrementAndGet()).toString();
    }

    private record Village(OrgFixture org, Api.User staff, List<String> households, List<String> joinCodes, List<List<String>> members) {}

    /** A community with one lane of two buildings, {@code n} households (half in each) of {@code people} members each. */
    private static Village village(int n, int people) {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = ShiftFixture.staff(org);
        String second = staff.as().body(Map.of("name", "2号楼")).post("/api/grids/" + org.gridId() + "/buildings").then()
                .statusCode(201).extract().path("id");
        List<String> households = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<List<String>> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String building = i < n / 2 ? org.buildingId().toString() : second;
            JsonPath h = staff.as().body(Map.of("room", String.valueOf(102 + i % (n / 2))))
                    .post("/api/buildings/" + building + "/households").then().statusCode(201).extract().jsonPath();
            households.add(h.getString("id"));
            codes.add(h.getString("joinCode"));
            List<String> ids = new ArrayList<>();
            for (int p = 0; p < people; p++) {
                ids.add(staff.as().body(Map.of("name", "村民" + i + "号" + p)).post("/api/households/" + h.getString("id") + "/members")
                        .then().statusCode(201).extract().path("id"));
            }
            members.add(ids);
        }
        return new Village(org, staff, households, codes, members);
    }
}
