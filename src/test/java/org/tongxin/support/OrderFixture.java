package org.tongxin.support;

import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Products, an open ordering window and residents bound to households, built through the API. */
public final class OrderFixture {

    private OrderFixture() {}

    /** A product of the community at 3,000 fen with the given per-household limit. */
    public static UUID product(Api.User staff, OrgFixture org, String name, int limit) {
        return UUID.fromString(staff.as().body(Map.of("communityId", org.communityId(), "name", Api.unique(name),
                "kind", "MEAT_VEG", "priceFen", 3000, "unit", "份", "perHouseholdLimit", limit))
                .post("/api/products").then().statusCode(201).extract().path("id"));
    }

    /** The same, bought from the given supplier (保供企业). */
    public static UUID product(Api.User staff, OrgFixture org, String name, int limit, String supplier) {
        return UUID.fromString(staff.as().body(Map.of("communityId", org.communityId(), "name", Api.unique(name),
                "kind", "MEAT_VEG", "priceFen", 3000, "unit", "份", "perHouseholdLimit", limit, "supplier", supplier))
                .post("/api/products").then().statusCode(201).body("supplier", equalTo(supplier))
                .extract().path("id"));
    }

    /** A window open from a minute ago for an hour, with the given stock per product (in the service's default buckets). */
    public static UUID openWindow(Api.User staff, OrgFixture org, Map<UUID, Integer> stock) {
        return openWindow(staff, org, stock, Map.of());
    }

    /** The same, each product's stock split over {@code buckets} rows. */
    public static UUID openWindow(Api.User staff, OrgFixture org, Map<UUID, Integer> stock, int buckets) {
        return openWindow(staff, org, stock, Map.of("stockBuckets", buckets));
    }

    private static UUID openWindow(Api.User staff, OrgFixture org, Map<UUID, Integer> stock, Map<String, Object> more) {
        OffsetDateTime now = OffsetDateTime.now();
        Map<String, Object> body = new HashMap<>(more);
        body.putAll(Map.of("communityId", org.communityId(), "opensAt", now.minusMinutes(1).toString(),
                "closesAt", now.plusHours(1).toString(),
                "stock", stock.entrySet().stream().map(e -> Map.of("productId", e.getKey(), "quantity", e.getValue())).toList()));
        return UUID.fromString(staff.as().body(body).post("/api/ordering-windows").then().statusCode(201)
                .body("stockBuckets", equalTo(more.getOrDefault("stockBuckets", 32))).extract().path("id"));
    }

    /** A resident who joined a new household (its own flat) in the fixture's building. */
    public static Api.User household(Api.User staff, OrgFixture org) {
        String joinCode = staff.as().body(Map.of("room", Api.unique("室"))).post("/api/buildings/" + org.buildingId() + "/households")
                .then().statusCode(201).extract().path("joinCode");
        Api.User resident = Api.resident();
        resident.as().body(Map.of("joinCode", joinCode)).post("/api/me/household").then().statusCode(200);
        return resident;
    }

    /** A SUPPLIER of the community, invited by its staff as working for {@code supplier}; token refreshed. */
    public static Api.User supplier(Api.User staff, OrgFixture org, String supplier) {
        String code = staff.as().body(Map.of("role", "SUPPLIER", "scopeId", org.communityId(), "supplier", supplier))
                .post("/api/invitations").then().statusCode(201).extract().path("code");
        Api.User user = Api.resident();
        user.as().body(Map.of("code", code)).post("/api/invitations/accept").then().statusCode(200);
        return Api.refresh(user);
    }

    /** An order body of one line. */
    public static Map<String, Object> order(UUID window, UUID product, int quantity) {
        return Map.of("windowId", window, "items", List.of(Map.of("productId", product, "quantity", quantity)));
    }
}
