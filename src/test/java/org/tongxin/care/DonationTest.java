package org.tongxin.care;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
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

/** Donations and care packages: never overdrawn, all or nothing, delivered and traced (docs/care.md). */
@QuarkusTest
class DonationTest {

    @Test
    void concurrentAllocationsNeverOverdrawAnItem() throws Exception {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        Map<String, Object> donation = donate(staff, org.communityId(), Map.of("name", "面粉", "quantity", 10, "unit", "袋"));
        String item = ((List<Map<String, String>>) donation.get("items")).get(0).get("id");
        List<UUID> households = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            households.add(UUID.fromString(staff.as().body(Map.of("room", Api.unique("室"))).post("/api/buildings/" + org.buildingId()
                    + "/households").then().statusCode(201).extract().path("id")));
        }
        List<String> outcomes = Parallel.run(households, h -> {
            var r = staff.as().body(Map.of("communityId", org.communityId(), "householdIds", List.of(h),
                    "items", List.of(Map.of("donationItemId", item, "quantity", 1)))).post("/api/care-packages").then().extract();
            return r.statusCode() + " " + (r.statusCode() == 201 ? "" : r.path("code"));
        });
        assertEquals(10, outcomes.stream().filter("201 "::equals).count(), outcomes.toString());
        assertEquals(10, outcomes.stream().filter("409 DONATION_SHORT"::equals).count(), outcomes.toString());
        assertEquals(0, Db.count("SELECT remaining FROM donation_item WHERE id = ?", UUID.fromString(item)));
        assertEquals(10, Db.count("SELECT coalesce(sum(quantity), 0) FROM care_package_item WHERE donation_item_id = ?", UUID.fromString(item)));
    }

    @Test
    void aPackageIsAllOrNothingDeliveredOnceAndTracedBothWays() {
        OrgFixture org = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());
        Api.User resident = OrderFixture.household(staff, org);
        UUID household = UUID.fromString(resident.as().get("/api/me").then().extract().path("householdId"));
        Map<String, Object> donation = donate(staff, org.communityId(), Map.of("name", "月饼", "quantity", 50, "unit", "盒"),
                Map.of("name", "面粉", "quantity", 1, "unit", "袋"));
        List<Map<String, String>> items = (List<Map<String, String>>) donation.get("items");
        String flour = items.stream().filter(i -> i.get("name").equals("面粉")).findFirst().orElseThrow().get("id");
        String cakes = items.stream().filter(i -> i.get("name").equals("月饼")).findFirst().orElseThrow().get("id");

        // Two households need two bags of flour: none is taken, nor any mooncakes.
        staff.as().body(Map.of("communityId", org.communityId(), "householdIds", List.of(household, org.householdId()),
                "items", List.of(Map.of("donationItemId", cakes, "quantity", 1), Map.of("donationItemId", flour, "quantity", 1))))
                .post("/api/care-packages").then().spec(problem(409, "DONATION_SHORT"));
        assertEquals(50, Db.count("SELECT remaining FROM donation_item WHERE id = ?", UUID.fromString(cakes)));

        String pkg = staff.as().body(Map.of("communityId", org.communityId(), "householdIds", List.of(household),
                "items", List.of(Map.of("donationItemId", cakes, "quantity", 2), Map.of("donationItemId", flour, "quantity", 1))))
                .post("/api/care-packages").then().statusCode(201).extract().path("packageIds[0]");
        resident.as().post("/api/care-packages/" + pkg + "/deliver").then().spec(problem(403, "FORBIDDEN"));
        Api.User volunteer = ShiftFixture.volunteer(org, staff);
        volunteer.as().get("/api/care-packages/to-deliver?communityId=" + org.communityId()).then().statusCode(200)
                .body("items.packageId", hasItem(pkg));
        resident.as().get("/api/care-packages/to-deliver?communityId=" + org.communityId()).then().spec(problem(403, "FORBIDDEN"));
        volunteer.as().post("/api/care-packages/" + pkg + "/deliver").then().statusCode(200).body("status", everyItem(equalTo("DELIVERED")));
        volunteer.as().post("/api/care-packages/" + pkg + "/deliver").then().spec(problem(409, "ALREADY_DELIVERED"));
        volunteer.as().get("/api/care-packages/to-deliver?communityId=" + org.communityId()).then().statusCode(200)
                .body("items.packageId", not(hasItem(pkg)));

        resident.as().get("/api/care-packages?householdId=" + household).then().statusCode(200)
                .body("item", containsInAnyOrder("月饼", "面粉")).body("findAll { it.item == '月饼' }.quantity", contains(2));
        staff.as().get("/api/donations/" + donation.get("id")).then().statusCode(200)
                .body("items.find { it.name == '月饼' }.remaining", equalTo(48))
                .body("wentTo.householdId", everyItem(equalTo(household.toString())));
        OrderFixture.household(staff, org).as().get("/api/care-packages?householdId=" + household).then().spec(problem(403, "FORBIDDEN"));
        resident.as().body(Map.of("communityId", org.communityId(), "householdIds", List.of(household),
                "items", List.of(Map.of("donationItemId", cakes, "quantity", 1)))).post("/api/care-packages").then().spec(problem(403, "FORBIDDEN"));

        OrgFixture other = OrgFixture.streetToHousehold(Api.districtAdmin());
        Api.User otherStaff = Api.withRole(Role.COMMUNITY_STAFF, other.community());
        otherStaff.as().body(Map.of("communityId", other.communityId(), "householdIds", List.of(other.householdId()),
                "items", List.of(Map.of("donationItemId", cakes, "quantity", 1)))).post("/api/care-packages")
                .then().spec(problem(400, "ITEM_ELSEWHERE"));
        otherStaff.as().get("/api/donations/" + donation.get("id")).then().spec(problem(403, "FORBIDDEN"));
        staff.as().body(Map.of("communityId", org.communityId(), "householdIds", List.of(other.householdId()),
                "items", List.of(Map.of("donationItemId", cakes, "quantity", 1)))).post("/api/care-packages")
                .then().spec(problem(400, "HOUSEHOLD_ELSEWHERE"));
        staff.as().get("/api/donations/" + UUID.randomUUID()).then().spec(problem(404, "DONATION_NOT_FOUND"));
        volunteer.as().post("/api/care-packages/" + UUID.randomUUID() + "/deliver").then().spec(problem(404, "PACKAGE_NOT_FOUND"));
        assertEquals(48, Db.count("SELECT remaining FROM donation_item WHERE id = ?", UUID.fromString(cakes)), "refusals take nothing");
    }

    @SafeVarargs
    private static Map<String, Object> donate(Api.User staff, UUID community, Map<String, Object>... items) {
        return staff.as().body(Map.of("communityId", community, "donor", "爱心企业", "items", List.of(items))).post("/api/donations")
                .then().statusCode(201).extract().jsonPath().getMap("");
    }
}
