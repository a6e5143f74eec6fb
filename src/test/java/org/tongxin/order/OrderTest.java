package org.tongxin.order;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.TestClock;

/** Placing, reading and cancelling orders: stock, limits, idempotency and who sees what. */
@QuarkusTest
class OrderTest {

    @Inject
    TestClock clock;

    @Test
    void twoHundredHouseholdsRaceForFiftyUnits() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID product = OrderFixture.product(staff, org, "肉蔬包", 1);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 50));
        List<Api.User> households = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            households.add(OrderFixture.household(staff, org));
        }
        List<String> outcomes = Parallel.run(households, h -> {
            var r = h.as().header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(OrderFixture.order(window, product, 1)).post("/api/orders").then().extract();
            return r.statusCode() + " " + (r.statusCode() == 201 ? "" : r.path("code"));
        });
        assertEquals(50, outcomes.stream().filter("201 "::equals).count(), Set.copyOf(outcomes).toString());
        assertEquals(150, outcomes.stream().filter("409 OUT_OF_STOCK"::equals).count());
        assertEquals(0, Db.count("SELECT sum(remaining) FROM window_stock WHERE window_id = ?", window));
        assertEquals(50, Db.count("SELECT coalesce(sum(i.quantity), 0) FROM order_item i JOIN resident_order o ON o.id = i.order_id "
                + "WHERE o.window_id = ? AND o.status = 'PLACED'", window));
        assertEquals(0, Db.count("SELECT count(*) FROM household_quota WHERE window_id = ? AND ordered > 1", window));
    }

    @Test
    void aHouseholdFiringTenOrdersAtOnceGetsOnlyItsLimit() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID product = OrderFixture.product(staff, org, "米面包", 3);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 100));
        Api.User household = OrderFixture.household(staff, org);
        List<String> outcomes = Parallel.times(10, i -> {
            var r = household.as().header("Idempotency-Key", "k" + i).body(OrderFixture.order(window, product, 1))
                    .post("/api/orders").then().extract();
            return r.statusCode() + " " + (r.statusCode() == 201 ? "" : r.path("code"));
        });
        assertEquals(3, outcomes.stream().filter("201 "::equals).count(), outcomes.toString());
        assertEquals(7, outcomes.stream().filter("409 LIMIT_EXCEEDED"::equals).count(), outcomes.toString());
        assertEquals(97, Db.count("SELECT sum(remaining) FROM window_stock WHERE window_id = ?", window));
    }

    @Test
    void theFirstAnswerIsWhatAReplayAndAReadGive() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        // Ids on both sides of the top bit, where Java's UUID order (signed) and PostgreSQL's (bytes) part ways.
        List<UUID> products = new ArrayList<>();
        while (products.size() < 4 || products.stream().map(p -> p.getMostSignificantBits() < 0).distinct().count() < 2) {
            products.add(OrderFixture.product(staff, org, "包", 5));
        }
        UUID window = OrderFixture.openWindow(staff, org, products.stream().collect(Collectors.toMap(p -> p, p -> 10)));
        Api.User household = OrderFixture.household(staff, org);
        Map<String, Object> body = Map.of("windowId", window, "note", "放门口",
                "items", products.stream().map(p -> Map.of("productId", p, "quantity", 1 + products.indexOf(p) % 2)).toList());
        String first = household.as().header("Idempotency-Key", "once").body(body).post("/api/orders").then().statusCode(201)
                .extract().asString();
        String replay = household.as().header("Idempotency-Key", "once").body(body).post("/api/orders").then().statusCode(201)
                .extract().asString();
        String read = household.as().get("/api/orders/" + JsonPath.from(first).getString("id"))
                .then().statusCode(200).extract().asString();
        assertEquals(replay, first, "the answer built from what was written is the one read back");
        assertEquals(read, first);
    }

    @Test
    void whoMovedToAnotherCommunityStillGetsTheReplayButOrdersThereNoMore() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        OrgFixture other = OrgFixture.streetToHousehold(admin);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID product = OrderFixture.product(staff, org, "肉蔬包", 2);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 10));
        Api.User resident = OrderFixture.household(staff, org);
        String id = resident.as().header("Idempotency-Key", "before").body(OrderFixture.order(window, product, 1)).post("/api/orders")
                .then().statusCode(201).extract().path("id");
        String joinCode = Api.withRole(Role.COMMUNITY_STAFF, other.community()).as().body(Map.of("room", Api.unique("室")))
                .post("/api/buildings/" + other.buildingId() + "/households").then().statusCode(201).extract().path("joinCode");
        resident.as().body(Map.of("joinCode", joinCode)).post("/api/me/household").then().statusCode(200);
        // The function answers the key's earlier order before it looks for the caller's household.
        resident.as().header("Idempotency-Key", "before").body(OrderFixture.order(window, product, 1)).post("/api/orders")
                .then().statusCode(201).body("id", equalTo(id));
        resident.as().header("Idempotency-Key", "after").body(OrderFixture.order(window, product, 1)).post("/api/orders")
                .then().spec(problem(400, "HOUSEHOLD_REQUIRED"));
        assertEquals(9, Db.count("SELECT sum(remaining) FROM window_stock WHERE window_id = ?", window));
    }

    @Test
    void oneIdempotencyKeyIsOneOrderEvenTenTimesAtOnce() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID product = OrderFixture.product(staff, org, "蔬菜包", 5);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 100));
        Api.User household = OrderFixture.household(staff, org);
        String key = UUID.randomUUID().toString();
        List<String> bodies = Parallel.times(10, i -> household.as().header("Idempotency-Key", key)
                .body(OrderFixture.order(window, product, 2)).post("/api/orders").then().statusCode(201).extract().asString());
        assertEquals(1, Set.copyOf(bodies).size(), "identical answers");
        assertEquals(1, Db.count("SELECT count(*) FROM resident_order WHERE window_id = ?", window));
        assertEquals(98, Db.count("SELECT sum(remaining) FROM window_stock WHERE window_id = ?", window));
        household.as().header("Idempotency-Key", key).body(OrderFixture.order(window, product, 3)).post("/api/orders")
                .then().spec(problem(422, "IDEMPOTENCY_KEY_REUSED"));
        household.as().body(OrderFixture.order(window, product, 1)).post("/api/orders")
                .then().spec(problem(400, "IDEMPOTENCY_KEY_REQUIRED"));
    }

    @Test
    void aMultiItemOrderIsAllOrNothingAndOppositeOrdersDoNotDeadlock() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID a = OrderFixture.product(staff, org, "肉蔬包", 5);
        UUID b = OrderFixture.product(staff, org, "米面包", 5);
        UUID gone = OrderFixture.product(staff, org, "蔬菜包", 5);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(a, 100, b, 100, gone, 0));
        Api.User first = OrderFixture.household(staff, org);
        first.as().header("Idempotency-Key", "x").body(Map.of("windowId", window, "items", List.of(
                Map.of("productId", a, "quantity", 1), Map.of("productId", gone, "quantity", 1))))
                .post("/api/orders").then().spec(problem(409, "OUT_OF_STOCK"));
        assertEquals(100, Db.count("SELECT sum(remaining) FROM window_stock WHERE window_id = ? AND product_id = ?", window, a));
        assertEquals(0, Db.count("SELECT count(*) FROM household_quota WHERE window_id = ?", window));

        List<Api.User> households = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            households.add(OrderFixture.household(staff, org));
        }
        List<Integer> statuses = Parallel.run(households, h -> {
            boolean ab = households.indexOf(h) % 2 == 0;
            var items = List.of(Map.of("productId", ab ? a : b, "quantity", 2), Map.of("productId", ab ? b : a, "quantity", 2));
            return h.as().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("windowId", window, "items", items))
                    .post("/api/orders").then().extract().statusCode();
        });
        assertTrue(statuses.stream().allMatch(s -> s == 201), statuses.toString());
        assertEquals(60, Db.count("SELECT sum(remaining) FROM window_stock WHERE window_id = ? AND product_id = ?", window, a));
        assertEquals(60, Db.count("SELECT sum(remaining) FROM window_stock WHERE window_id = ? AND product_id = ?", window, b));
    }

    @Test
    void anOrderIsPricedAndDeliveredByTheRiskLevelAndSeenOnlyByItsHouseholdAndStaff() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        admin.as().body(Map.of("level", "HIGH")).put("/api/communities/" + org.communityId() + "/risk-level").then().statusCode(200);
        UUID product = OrderFixture.product(staff, org, "肉蔬包", 5);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 10));
        Api.User household = OrderFixture.household(staff, org);
        String id = household.as().header("Idempotency-Key", "one").body(OrderFixture.order(window, product, 2))
                .post("/api/orders").then().statusCode(201).header("Location", matchesPattern("/api/orders/[0-9a-f-]{36}"))
                .body("totalFen", equalTo(6000)).body("deliveryMode", equalTo("DOOR")).body("status", equalTo("PLACED"))
                .body("pickupCode", matchesPattern("\\d{6}")).body("items[0].priceFen", equalTo(3000))
                .extract().path("id");
        household.as().get("/api/orders/" + id).then().statusCode(200).body("pickupCode", notNullValue());
        household.as().get("/api/orders/mine").then().statusCode(200).body("items.id", hasItem(id));
        staff.as().get("/api/orders/" + id).then().statusCode(200).body("pickupCode", nullValue());
        OrderFixture.household(staff, org).as().get("/api/orders/" + id).then().spec(problem(404, "ORDER_NOT_FOUND"));
        OrgFixture other = OrgFixture.streetToHousehold(admin);
        Api.withRole(Role.COMMUNITY_STAFF, other.community()).as().get("/api/orders/" + id).then().spec(problem(404, "ORDER_NOT_FOUND"));
        Api.resident().as().body(Map.of("communityId", org.communityId(), "name", "x", "kind", "VEG", "priceFen", 1,
                "unit", "份", "perHouseholdLimit", 1)).post("/api/products").then().spec(problem(403, "FORBIDDEN"));
    }

    @Test
    void cancellingBeforeTheCloseGivesStockAndLimitBackAfterItIsRefused() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID product = OrderFixture.product(staff, org, "米面包", 2);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 10));
        Api.User household = OrderFixture.household(staff, org);
        String first = household.as().header("Idempotency-Key", "a").body(OrderFixture.order(window, product, 2))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        household.as().post("/api/orders/" + first + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        household.as().post("/api/orders/" + first + "/cancel").then().spec(problem(409, "ALREADY_CANCELLED"));
        assertEquals(10, Db.count("SELECT sum(remaining) FROM window_stock WHERE window_id = ?", window));
        String second = household.as().header("Idempotency-Key", "b").body(OrderFixture.order(window, product, 2))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        clock.advance(Duration.ofHours(2));
        household.as().post("/api/orders/" + second + "/cancel").then().spec(problem(409, "WINDOW_CLOSED"));
        household.as().header("Idempotency-Key", "c").body(OrderFixture.order(window, product, 1)).post("/api/orders")
                .then().spec(problem(409, "WINDOW_CLOSED"));
        Api.resident().as().post("/api/orders/" + second + "/cancel").then().spec(problem(404, "ORDER_NOT_FOUND"));
    }

    @Test
    void onlyHouseholdsOfTheCommunityOrder() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        OrgFixture other = OrgFixture.streetToHousehold(admin);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID product = OrderFixture.product(staff, org, "肉蔬包", 2);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 10));
        Api.resident().as().header("Idempotency-Key", "a").body(OrderFixture.order(window, product, 1)).post("/api/orders")
                .then().spec(problem(400, "HOUSEHOLD_REQUIRED"));
        Api.User elsewhere = OrderFixture.household(Api.withRole(Role.COMMUNITY_STAFF, other.community()), other);
        elsewhere.as().header("Idempotency-Key", "a").body(OrderFixture.order(window, product, 1)).post("/api/orders")
                .then().spec(problem(400, "HOUSEHOLD_REQUIRED"));
        OrderFixture.household(staff, org).as().header("Idempotency-Key", "a")
                .body(OrderFixture.order(window, UUID.randomUUID(), 1)).post("/api/orders")
                .then().spec(problem(400, "PRODUCT_NOT_IN_WINDOW"));
        staff.as().get("/api/catalog?communityId=" + org.communityId()).then().statusCode(200)
                .body("window.id", equalTo(window.toString())).body("items[0].remaining", equalTo(10))
                .body("items[0].perHouseholdLimit", equalTo(2));
        elsewhere.as().get("/api/catalog?communityId=" + other.communityId()).then().statusCode(200)
                .body("window", nullValue()).body("items", empty());
        // Catalogues are read in their own community: by its residents, volunteers, suppliers and staff.
        elsewhere.as().get("/api/catalog?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
        staff.as().get("/api/catalog?communityId=" + other.communityId()).then().spec(problem(403, "FORBIDDEN"));
        Api.resident().as().get("/api/catalog?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
        Api.withRole(Role.GRID_WORKER, org.grid()).as().get("/api/catalog?communityId=" + org.communityId()).then().statusCode(200);
        Api.withRole(Role.SUPPLIER, org.community()).as().get("/api/catalog?communityId=" + org.communityId()).then().statusCode(200);
        ShiftFixture.volunteer(org, staff).as().get("/api/catalog?communityId=" + org.communityId()).then().statusCode(200);
    }
}
