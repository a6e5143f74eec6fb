package org.tongxin.order;

import static org.hamcrest.Matchers.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.OrderFixture;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.ShiftFixture;
import org.tongxin.support.TestClock;

/** A window's orders through the three zones at the gate, and their hand-over. */
@QuarkusTest
class BatchTest {

    @Inject
    TestClock clock;

    @Test
    void aBatchPassesTheZonesInOrderAndRestsThirtyMinutesBeforeRelease() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        UUID product = OrderFixture.product(staff, org, "肉蔬包", 2);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 10));
        Api.User household = OrderFixture.household(staff, org);
        String order = household.as().header("Idempotency-Key", "k").body(OrderFixture.order(window, product, 1))
                .post("/api/orders").then().statusCode(201).extract().path("id");
        staff.as().body(Map.of("windowId", window)).post("/api/batches").then().spec(problem(409, "WINDOW_STILL_OPEN"));
        clock.advance(Duration.ofHours(2));
        String batch = staff.as().body(Map.of("windowId", window)).post("/api/batches").then().statusCode(201)
                .body("status", equalTo("CREATED")).body("orderCount", equalTo(1)).extract().path("id");
        staff.as().body(Map.of("windowId", window)).post("/api/batches").then().spec(problem(409, "NOTHING_TO_BATCH"));
        household.as().post("/api/batches/" + batch + "/arrive").then().spec(problem(403, "FORBIDDEN"));
        staff.as().post("/api/batches/" + batch + "/release").then().spec(problem(409, "BAD_TRANSITION"));
        staff.as().post("/api/batches/" + batch + "/arrive").then().statusCode(200).body("status", equalTo("ARRIVED"));
        staff.as().post("/api/batches/" + batch + "/store").then().spec(problem(409, "BAD_TRANSITION"));
        staff.as().post("/api/batches/" + batch + "/disinfect").then().statusCode(200).body("releasableAt", notNullValue());
        staff.as().post("/api/batches/" + batch + "/disinfect").then().spec(problem(409, "BAD_TRANSITION"));
        staff.as().post("/api/batches/" + batch + "/store").then().statusCode(200);
        staff.as().post("/api/batches/" + batch + "/release").then().spec(problem(409, "REST_NOT_OVER"));
        clock.advance(Duration.ofMinutes(29));
        staff.as().post("/api/batches/" + batch + "/release").then().spec(problem(409, "REST_NOT_OVER"));
        household.as().post("/api/batches/" + batch + "/release").then().spec(problem(403, "FORBIDDEN"));
        clock.advance(Duration.ofMinutes(2));
        staff.as().post("/api/batches/" + batch + "/release").then().statusCode(200).body("status", equalTo("RELEASED"));
        household.as().get("/api/orders/" + order).then().statusCode(200).body("status", equalTo("READY"))
                .body("history.step", contains("PLACED", "BATCHED", "ARRIVED", "DISINFECTED", "STORED", "READY"));
        // The release told the household, in its own feed (a LOW-risk community: pick up at the zone).
        household.as().get("/api/notices/feed").then().statusCode(200).body("items[0].title", equalTo("您订购的物资可以领取了"))
                .body("items[0].scope", nullValue());
        OrderFixture.household(staff, org).as().get("/api/notices/feed").then().statusCode(200)
                .body("items.title", not(hasItem("您订购的物资可以领取了")));
        staff.as().post("/api/batches/" + UUID.randomUUID() + "/arrive").then().spec(problem(404, "BATCH_NOT_FOUND"));
    }

    @Test
    void pickupNeedsTheHouseholdsCodeAndDoorOrdersAreDelivered() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = ShiftFixture.staff(org);
        UUID product = OrderFixture.product(staff, org, "米面包", 2);
        UUID window = OrderFixture.openWindow(staff, org, Map.of(product, 10));
        Api.User pickupHousehold = OrderFixture.household(staff, org);
        var placed = pickupHousehold.as().header("Idempotency-Key", "p").body(OrderFixture.order(window, product, 1))
                .post("/api/orders").then().statusCode(201).body("deliveryMode", equalTo("PICKUP")).extract();
        String pickupOrder = placed.path("id");
        String code = placed.path("pickupCode");
        admin.as().body(Map.of("level", "HIGH")).put("/api/buildings/" + org.buildingId() + "/risk-level").then().statusCode(200);
        String doorOrder = OrderFixture.household(staff, org).as().header("Idempotency-Key", "d")
                .body(OrderFixture.order(window, product, 1)).post("/api/orders").then().statusCode(201)
                .body("deliveryMode", equalTo("DOOR")).extract().path("id");
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        volunteer.as().body(Map.of("pickupCode", code)).post("/api/orders/" + pickupOrder + "/pickup").then()
                .spec(problem(409, "NOT_READY"));

        clock.advance(Duration.ofHours(2));
        String batch = staff.as().body(Map.of("windowId", window)).post("/api/batches").then().statusCode(201)
                .body("orderCount", equalTo(2)).extract().path("id");
        for (String step : new String[] {"arrive", "disinfect", "store"}) {
            staff.as().post("/api/batches/" + batch + "/" + step).then().statusCode(200);
        }
        clock.advance(Duration.ofMinutes(31));
        staff.as().post("/api/batches/" + batch + "/release").then().statusCode(200);

        String wrong = code.equals("000000") ? "000001" : "000000";
        // Guesses by someone who may not hand the order over are not counted: they lock nobody out.
        Api.User stranger = Api.resident();
        for (int i = 0; i < 7; i++) {
            stranger.as().body(Map.of("pickupCode", wrong)).post("/api/orders/" + pickupOrder + "/pickup").then()
                    .spec(problem(404, "ORDER_NOT_FOUND"));
        }
        // Attempts are counted per caller and order: five wrong codes stop this volunteer, not the others.
        Api.User guesser = ShiftFixture.volunteer(org, staff);
        for (int i = 0; i < 5; i++) {
            guesser.as().body(Map.of("pickupCode", wrong)).post("/api/orders/" + pickupOrder + "/pickup").then()
                    .spec(problem(409, "WRONG_PICKUP_CODE"));
        }
        guesser.as().body(Map.of("pickupCode", code)).post("/api/orders/" + pickupOrder + "/pickup").then()
                .spec(problem(429, "RATE_LIMITED"));
        volunteer.as().post("/api/orders/" + pickupOrder + "/deliver").then().spec(problem(409, "WRONG_DELIVERY_MODE"));
        staff.as().body(Map.of("pickupCode", code)).post("/api/orders/" + pickupOrder + "/pickup").then().statusCode(200)
                .body("status", equalTo("PICKED_UP")).body("history.step", hasItem("PICKED_UP"));
        staff.as().body(Map.of("pickupCode", code)).post("/api/orders/" + pickupOrder + "/pickup").then()
                .spec(problem(409, "NOT_READY"));
        staff.as().post("/api/orders/" + doorOrder + "/deliver").then().statusCode(200).body("status", equalTo("DELIVERED"));
    }
}
