package org.tongxin.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;

/**
 * A window's stock split over buckets (V33, docs/orders.md): orders take from their household's
 * bucket and fall over to the others, cancellations give every unit back to the bucket it came
 * from, and the window still sells out exactly.
 */
@QuarkusTest
class StockBucketTest {

    /** Buckets of the product whose units taken (quantity - remaining) differ from what the window's placed items took from them. */
    private static long bucketsOff(UUID window, UUID product) {
        return Db.count("""
                SELECT count(*) FROM window_stock s LEFT JOIN (
                    SELECT t.bucket, sum(t.units) AS units FROM resident_order o JOIN order_item i ON i.order_id = o.id,
                           unnest(i.stock_buckets, i.stock_taken) AS t (bucket, units)
                    WHERE o.window_id = ? AND i.product_id = ? AND o.status = 'PLACED' GROUP BY t.bucket) t ON t.bucket = s.bucket
                WHERE s.window_id = ? AND s.product_id = ? AND s.quantity - s.remaining <> coalesce(t.units, 0)""",
                window, product, window, product);
    }

    @Test
    void cancellationsDuringABurstGiveStockBackToTheBucketItCameFromAndTheWindowStillSellsOutExactly() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID product = OrderFixture.product(staff, org, "肉蔬包", 100);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 62), 4);
        assertEquals(List.of("0 16", "1 16", "2 15", "3 15"),
                Db.strings("SELECT bucket || ' ' || quantity FROM window_stock WHERE window_id = ? ORDER BY bucket", window));

        // 17 units fit in no bucket: the order falls over and takes from two, in bucket order.
        Api.User big = OrderFixture.household(staff, org);
        String spanning = big.as().header("Idempotency-Key", "big").body(OrderFixture.order(window, product, 17))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        assertEquals("{0,1} {16,1}", Db.text("SELECT stock_buckets::text || ' ' || stock_taken::text FROM order_item WHERE order_id = ?::uuid",
                spanning));

        // 40 households order 3 units each at once (120 units wanted, 45 left); every other one cancels as soon as it has
        // its order, and the spanning order is cancelled in the middle of it all.
        List<Api.User> households = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            households.add(OrderFixture.household(staff, org));
        }
        List<Integer> tasks = new ArrayList<>();
        for (int i = 0; i <= households.size(); i++) {
            tasks.add(i);
        }
        List<String> outcomes = Parallel.run(tasks, i -> {
            if (i == households.size()) {
                return "cancel " + big.as().post("/api/orders/" + spanning + "/cancel").then().extract().statusCode();
            }
            Api.User h = households.get(i);
            var placed = h.as().header("Idempotency-Key", "k").body(OrderFixture.order(window, product, 3)).post("/api/orders")
                    .then().extract();
            if (placed.statusCode() != 201) {
                return placed.statusCode() + " " + placed.path("code");
            }
            if (i % 2 == 1) {
                return "201 cancel " + h.as().post("/api/orders/" + placed.path("id") + "/cancel").then().extract().statusCode();
            }
            return "201";
        });
        assertTrue(outcomes.stream().allMatch(o -> o.equals("201") || o.equals("201 cancel 200") || o.equals("409 OUT_OF_STOCK")
                || o.equals("cancel 200")), outcomes.toString());
        assertTrue(outcomes.contains("cancel 200"), outcomes.toString());
        assertEquals(0, bucketsOff(window, product), "every bucket holds what its placed items did not take from it");
        long placed = Db.count("SELECT coalesce(sum(i.quantity), 0) FROM order_item i JOIN resident_order o ON o.id = i.order_id "
                + "WHERE o.window_id = ? AND o.status = 'PLACED'", window);
        long remaining = Db.count("SELECT sum(remaining) FROM window_stock WHERE window_id = ?", window);
        assertEquals(62, placed + remaining);
        assertEquals("CANCELLED", Db.text("SELECT status FROM resident_order WHERE id = ?::uuid", spanning));
        // The 20 households that keep their orders hold at most 60 units: at least 2 are left, somewhere.
        assertTrue(remaining >= 2, "remaining " + remaining);

        // What is left, wherever it is, is sold to one order, and not one unit more.
        Api.User last = OrderFixture.household(staff, org);
        last.as().header("Idempotency-Key", "rest").body(OrderFixture.order(window, product, (int) remaining)).post("/api/orders")
                .then().statusCode(201).body("items[0].quantity", equalTo((int) remaining));
        assertEquals(0, Db.count("SELECT sum(remaining) FROM window_stock WHERE window_id = ?", window));
        OrderFixture.household(staff, org).as().header("Idempotency-Key", "one").body(OrderFixture.order(window, product, 1))
                .post("/api/orders").then().spec(problem(409, "OUT_OF_STOCK"));
        assertEquals(0, bucketsOff(window, product));
        assertEquals(62, Db.count("SELECT coalesce(sum(i.quantity), 0) FROM order_item i JOIN resident_order o ON o.id = i.order_id "
                + "WHERE o.window_id = ? AND o.status = 'PLACED'", window));
    }

    @Test
    void twoProductOrdersFallingOverAtOnceNeitherDeadlockNorOversell() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID a = OrderFixture.product(staff, org, "肉蔬包", 100);
        UUID b = OrderFixture.product(staff, org, "米面包", 100);
        // 4 buckets of 7 or 8 units: orders of 5 and 6 units empty a bucket in one or two orders, so most fall over.
        UUID window = OrderFixture.openWindow(staff, org, Map.of(a, 30, b, 30), 4);
        List<Api.User> households = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            households.add(OrderFixture.household(staff, org));
        }
        List<Integer> tasks = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            tasks.add(i);
        }
        List<String> outcomes = Parallel.run(tasks, i -> {
            // Half list the products one way round, half the other; the function takes them in uuid order.
            List<Map<String, Object>> items = List.of(Map.of("productId", a, "quantity", 5 + i % 2),
                    Map.of("productId", b, "quantity", 6 - i % 2));
            var r = households.get(i).as().header("Idempotency-Key", "k")
                    .body(Map.of("windowId", window, "items", i % 2 == 0 ? items : items.reversed())).post("/api/orders").then().extract();
            return r.statusCode() + " " + (r.statusCode() == 201 ? "" : r.path("code"));
        });
        assertTrue(outcomes.stream().allMatch(o -> o.equals("201 ") || o.equals("409 OUT_OF_STOCK")), outcomes.toString());
        long placed = outcomes.stream().filter("201 "::equals).count();
        assertTrue(placed >= 4, outcomes.toString());
        assertEquals(0, bucketsOff(window, a));
        assertEquals(0, bucketsOff(window, b));
        assertTrue(Db.count("SELECT count(*) FROM order_item i JOIN resident_order o ON o.id = i.order_id "
                + "WHERE o.window_id = ? AND cardinality(i.stock_buckets) > 1", window) > 0, "some items were taken from several buckets");
        for (UUID product : List.of(a, b)) {
            long sold = Db.count("SELECT coalesce(sum(i.quantity), 0) FROM order_item i JOIN resident_order o ON o.id = i.order_id "
                    + "WHERE o.window_id = ? AND i.product_id = ?", window, product);
            assertEquals(30, sold + Db.count("SELECT sum(remaining) FROM window_stock WHERE window_id = ? AND product_id = ?",
                    window, product));
        }
    }

    /**
     * An order whose household's bucket another transaction holds waits for it; when that
     * transaction leaves too little there, PostgreSQL keeps the bucket locked for the waiting order
     * (it locks the row's new version before rechecking the condition). That order then falls over
     * while another order, falling over from bucket 0, holds bucket 0 and waits for this bucket.
     * With V33 the two deadlocked (503 after a second, and everything queued behind them waited);
     * now the first one does not wait for bucket 0, rolls back, is placed again and gets its units
     * from bucket 0, and the second is refused only because the window has too little.
     * Two transactions of the test hold the buckets so that each step happens in this order.
     */
    @Test
    void anOrderStillHoldingItsEmptiedBucketDoesNotDeadlockWithOneFallingOverToIt() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID product = OrderFixture.product(staff, org, "肉蔬包", 100);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 10), 2);
        Api.User homeOne = null;
        Api.User homeZero = null;
        while (homeOne == null || homeZero == null) {
            Api.User h = OrderFixture.household(staff, org);
            long home = Db.count("SELECT mod(hashtext(household_id::text)::bigint + 2147483648, 2) FROM app_user WHERE id = ?", h.id());
            if (home == 1 && homeOne == null) {
                homeOne = h;
            } else if (home == 0 && homeZero == null) {
                homeZero = h;
            }
        }
        Api.User three = homeOne;
        Api.User seven = homeZero;
        double placedAgain = placedAgain();
        ExecutorService requests = Executors.newFixedThreadPool(2);
        try (Connection cut = Db.open(); Connection hold = Db.open()) {
            // Bucket 1 is cut from 5 units to 1, and bucket 0 is locked, in two transactions held open.
            cut.setAutoCommit(false);
            hold.setAutoCommit(false);
            execute(cut, "UPDATE window_stock SET quantity = 1, remaining = 1 WHERE window_id = ? AND bucket = 1", window);
            execute(hold, "SELECT 1 FROM window_stock WHERE window_id = ? AND bucket = 0 FOR UPDATE", window);
            // 3 units from bucket 1: the conditional update waits for the cut.
            Future<String> ofThree = requests.submit(() -> place(three, window, product, 3));
            awaitSessionsWaitingForLocks(1);
            // 7 units: bucket 0's 5 are too few, so it falls over to bucket 0 and waits for it.
            Future<String> ofSeven = requests.submit(() -> place(seven, window, product, 7));
            awaitSessionsWaitingForLocks(2);
            // The cut leaves 1 unit: the order of 3 keeps bucket 1 locked, falls over, and must not wait
            // for bucket 0 (the order of 7 will hold it and ask for bucket 1): it is placed again.
            cut.commit();
            for (int i = 0; i < 1_000 && placedAgain() == placedAgain; i++) {
                Thread.sleep(20);
            }
            assertEquals(placedAgain + 1, placedAgain(), "the order of 3 was rolled back and placed again");
            // Bucket 0 is let go: the order of 7 takes its 5 units and bucket 1's last one, and is short.
            hold.commit();
            assertEquals("409 OUT_OF_STOCK", ofSeven.get(30, TimeUnit.SECONDS), "6 units in all, 7 asked for");
            assertEquals("201", ofThree.get(30, TimeUnit.SECONDS));
        } finally {
            requests.shutdownNow();
        }
        assertEquals("{0} {3}", Db.text("SELECT i.stock_buckets::text || ' ' || i.stock_taken::text FROM order_item i "
                + "JOIN resident_order o ON o.id = i.order_id WHERE o.window_id = ?", window));
        assertEquals(List.of("0 2", "1 1"), Db.strings("SELECT bucket || ' ' || remaining FROM window_stock WHERE window_id = ? ORDER BY bucket",
                window));
        assertEquals(0, bucketsOff(window, product));
    }

    private static void execute(Connection c, String sql, Object parameter) throws java.sql.SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, parameter);
            st.execute();
        }
    }

    /** {@code tongxin_order_placed_again_total} on /q/metrics (there once the service has placed an order). */
    private static double placedAgain() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("tongxin_order_placed_again_total")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElse(0);
    }

    private static String place(Api.User household, UUID window, UUID product, int quantity) {
        var r = household.as().header("Idempotency-Key", "k").body(OrderFixture.order(window, product, quantity)).post("/api/orders")
                .then().extract();
        return r.statusCode() == 201 ? "201" : r.statusCode() + " " + r.path("code");
    }

    /** Waits until {@code sessions} sessions of the test database wait for a lock (at most 20 s). */
    private static void awaitSessionsWaitingForLocks(int sessions) throws InterruptedException {
        String waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
        for (int i = 0; i < 1_000 && Db.count(waiting) < sessions; i++) {
            Thread.sleep(20);
        }
        assertEquals(sessions, Db.count(waiting), "sessions waiting for a lock");
    }

    @Test
    void aWindowSaysHowManyBucketsWithinLimits() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID product = OrderFixture.product(staff, org, "蔬菜包", 2);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 5));
        assertEquals(32, Db.count("SELECT count(*) FROM window_stock WHERE window_id = ?", window));
        assertEquals(5, Db.count("SELECT sum(quantity) FROM window_stock WHERE window_id = ?", window));
        staff.as().get("/api/ordering-windows/" + window + "/stock").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].remaining", equalTo(5));
        for (int buckets : new int[] {0, 65}) {
            staff.as().body(Map.of("communityId", org.communityId(), "opensAt", "2026-12-01T08:00:00Z", "closesAt", "2026-12-01T10:00:00Z",
                    "stock", List.of(Map.of("productId", product, "quantity", 5)), "stockBuckets", buckets))
                    .post("/api/ordering-windows").then().spec(problem(400, "VALIDATION_FAILED"));
        }
    }
}
