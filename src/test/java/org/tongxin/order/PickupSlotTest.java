package org.tongxin.order;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.Db;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.Parallel;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.TestClock;

/** Staggered pickup: slots with a capacity that parallel picks cannot overfill. */
@QuarkusTest
class PickupSlotTest {

    @Inject
    TestClock clock;

    @Test
    void twelveHouseholdsPickingOneSlotOfFiveAtOnceGetFivePlaces() throws Exception {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        admin.as().body(Map.of("level", "MEDIUM")).put("/api/communities/" + org.communityId() + "/risk-level").then().statusCode(200);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        LocalDate tomorrow = LocalDate.now(ShiftFixture.ZONE).plusDays(1);
        staff.as().body(Map.of("date", tomorrow.toString(), "fromHour", 8, "toHour", 10, "minutes", 15, "capacity", 5))
                .post("/api/communities/" + org.communityId() + "/pickup-slots").then().statusCode(201).body("created", equalTo(8));
        staff.as().body(Map.of("date", tomorrow.toString(), "fromHour", 8, "toHour", 10, "minutes", 15, "capacity", 5))
                .post("/api/communities/" + org.communityId() + "/pickup-slots").then().statusCode(201).body("created", equalTo(0));
        UUID product = OrderFixture.product(staff, org, "蔬菜包", 2);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 100));
        List<Api.User> households = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Api.User h = OrderFixture.household(staff, org);
            households.add(h);
            orders.add(h.as().header("Idempotency-Key", "o").body(OrderFixture.order(window, product, 1)).post("/api/orders")
                    .then().statusCode(201).body("deliveryMode", equalTo("PICKUP_SLOT")).extract().path("id"));
        }
        List<String> slots = households.get(0).as().get("/api/communities/" + org.communityId() + "/pickup-slots?date=" + tomorrow)
                .then().statusCode(200).body("size()", equalTo(8)).extract().jsonPath().getList("id");
        String first = slots.get(0);
        List<String> outcomes = Parallel.run(households, h -> {
            var r = h.as().body(Map.of("slotId", first)).post("/api/orders/" + orders.get(households.indexOf(h)) + "/pickup-slot")
                    .then().extract();
            return r.statusCode() + " " + (r.statusCode() == 200 ? "" : r.path("code"));
        });
        assertEquals(5, outcomes.stream().filter("200 "::equals).count(), outcomes.toString());
        assertEquals(7, outcomes.stream().filter("409 SLOT_FULL"::equals).count(), outcomes.toString());
        assertEquals(5, Db.count("SELECT taken FROM pickup_slot WHERE id = ?::uuid", first));

        int mover = outcomes.indexOf("200 ");
        households.get(mover).as().body(Map.of("slotId", slots.get(1))).post("/api/orders/" + orders.get(mover) + "/pickup-slot")
                .then().statusCode(200).body("pickupSlotId", equalTo(slots.get(1)));
        assertEquals(4, Db.count("SELECT taken FROM pickup_slot WHERE id = ?::uuid", first));
        int late = outcomes.indexOf("409 SLOT_FULL");
        households.get(late).as().body(Map.of("slotId", first)).post("/api/orders/" + orders.get(late) + "/pickup-slot")
                .then().statusCode(200);
        households.get(late).as().body(Map.of("slotId", UUID.randomUUID())).post("/api/orders/" + orders.get(late) + "/pickup-slot")
                .then().spec(problem(404, "SLOT_NOT_FOUND"));
        clock.advance(Duration.ofDays(2));
        households.get(late).as().body(Map.of("slotId", slots.get(2))).post("/api/orders/" + orders.get(late) + "/pickup-slot")
                .then().spec(problem(409, "SLOT_PASSED"));
        households.get(late).as().body(Map.of("slotId", first)).post("/api/orders/" + orders.get(mover) + "/pickup-slot")
                .then().spec(problem(404, "ORDER_NOT_FOUND"));
    }

    @Test
    void onlySlotOrdersPickAndOnlyTheCommunitySeesItsSlots() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        LocalDate tomorrow = LocalDate.now(ShiftFixture.ZONE).plusDays(1);
        staff.as().body(Map.of("date", tomorrow.toString(), "fromHour", 9, "toHour", 10, "minutes", 30, "capacity", 20))
                .post("/api/communities/" + org.communityId() + "/pickup-slots").then().statusCode(201);
        UUID product = OrderFixture.product(staff, org, "米面包", 2);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 10));
        Api.User household = OrderFixture.household(staff, org);
        String order = household.as().header("Idempotency-Key", "o").body(OrderFixture.order(window, product, 1))
                .post("/api/orders").then().statusCode(201).body("deliveryMode", equalTo("PICKUP")).extract().path("id");
        String slot = household.as().get("/api/communities/" + org.communityId() + "/pickup-slots?date=" + tomorrow)
                .then().statusCode(200).extract().path("[0].id");
        household.as().body(Map.of("slotId", slot)).post("/api/orders/" + order + "/pickup-slot").then()
                .spec(problem(409, "WRONG_DELIVERY_MODE"));
        Api.resident().as().get("/api/communities/" + org.communityId() + "/pickup-slots").then().spec(problem(403, "FORBIDDEN"));
        household.as().body(Map.of("date", tomorrow.toString(), "fromHour", 9, "toHour", 10, "minutes", 30, "capacity", 20))
                .post("/api/communities/" + org.communityId() + "/pickup-slots").then().spec(problem(403, "FORBIDDEN"));
        staff.as().body(Map.of("date", tomorrow.toString(), "fromHour", 10, "toHour", 9, "minutes", 30, "capacity", 20))
                .post("/api/communities/" + org.communityId() + "/pickup-slots").then().spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("toHour"));
    }

    @Test
    void cancellingFreesTheSlotAndACancelledOrderPicksNoSlot() {
        Slots c = new Slots(2);
        for (int i = 0; i < 2; i++) {
            Api.User h = OrderFixture.household(c.staff, c.org);
            String order = c.order(h);
            h.as().body(Map.of("slotId", c.slots.get(0))).post("/api/orders/" + order + "/pickup-slot").then().statusCode(200);
            h.as().post("/api/orders/" + order + "/cancel").then().statusCode(200);
            h.as().body(Map.of("slotId", c.slots.get(1))).post("/api/orders/" + order + "/pickup-slot")
                    .then().spec(problem(409, "ORDER_NOT_ACTIVE"));
        }
        assertEquals(0, Db.count("SELECT taken FROM pickup_slot WHERE id = ?::uuid", c.slots.get(0)));
        assertEquals(0, Db.count("SELECT taken FROM pickup_slot WHERE id = ?::uuid", c.slots.get(1)));
        for (int i = 0; i < 2; i++) {
            Api.User next = OrderFixture.household(c.staff, c.org);
            next.as().body(Map.of("slotId", c.slots.get(0))).post("/api/orders/" + c.order(next) + "/pickup-slot")
                    .then().statusCode(200);
        }
        c.assertTakenIsActiveOrders();
    }

    @Test
    void aSlotsTakenEqualsItsActiveOrdersAfterParallelPicksAndCancels() throws Exception {
        Slots c = new Slots(4);
        List<Runnable> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Api.User h = OrderFixture.household(c.staff, c.org);
            String order = c.order(h);
            for (String slot : List.of(c.slots.get(0), c.slots.get(1), c.slots.get(0))) {
                calls.add(() -> h.as().body(Map.of("slotId", slot)).post("/api/orders/" + order + "/pickup-slot"));
            }
            if (i % 2 == 0) {
                calls.add(() -> h.as().post("/api/orders/" + order + "/cancel"));
            }
        }
        List<Integer> statuses = Parallel.run(calls, call -> {
            call.run();
            return 0;
        });
        assertEquals(calls.size(), statuses.size());
        c.assertTakenIsActiveOrders();
        assertEquals(4, Db.count("SELECT count(*) FROM resident_order WHERE window_id = ? AND status = 'CANCELLED'", c.window));
    }

    /** A MEDIUM-risk community with two slots of the given capacity tomorrow and an open window. */
    private static final class Slots {
        final OrgFixture org;
        final Api.User staff;
        final UUID product;
        final UUID window;
        final List<String> slots;

        Slots(int capacity) {
            Api.User admin = Api.districtAdmin();
            org = OrgFixture.streetToHousehold(admin);
            admin.as().body(Map.of("level", "MEDIUM")).put("/api/communities/" + org.communityId() + "/risk-level")
                    .then().statusCode(200);
            staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
            LocalDate tomorrow = LocalDate.now(ShiftFixture.ZONE).plusDays(1);
            staff.as().body(Map.of("date", tomorrow.toString(), "fromHour", 8, "toHour", 9, "minutes", 30, "capacity", capacity))
                    .post("/api/communities/" + org.communityId() + "/pickup-slots").then().statusCode(201);
            product = OrderFixture.product(staff, org, "蔬菜包", 2);
            window = OrderFixture.openWindow(staff, org, Map.of(product, 100));
            slots = staff.as().get("/api/communities/" + org.communityId() + "/pickup-slots?date=" + tomorrow)
                    .then().statusCode(200).extract().jsonPath().getList("id");
        }

        String order(Api.User household) {
            return household.as().header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(OrderFixture.order(window, product, 1)).post("/api/orders").then().statusCode(201)
                    .body("deliveryMode", equalTo("PICKUP_SLOT")).extract().path("id");
        }

        void assertTakenIsActiveOrders() {
            for (String slot : slots) {
                assertEquals(Db.count("SELECT count(*) FROM resident_order WHERE pickup_slot_id = ?::uuid AND status <> 'CANCELLED'",
                        slot), Db.count("SELECT taken FROM pickup_slot WHERE id = ?::uuid", slot), "slot " + slot);
            }
        }
    }
}
