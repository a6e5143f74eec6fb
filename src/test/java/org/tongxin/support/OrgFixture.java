package org.tongxin.support;

import java.util.Map;
import java.util.UUID;
import org.tongxin.common.OrgLocation;

/**
 * A small piece of district built through the API: one street with one community, one grid,
 * one building and one household, all with unique names.
 */
public record OrgFixture(UUID streetId, UUID communityId, UUID gridId, UUID buildingId, UUID householdId,
                         String joinCode) {

    public static OrgFixture streetToHousehold(Api.User admin) {
        UUID street = id(admin.as().body(Map.of("name", Api.unique("南苑街道"))).post("/api/streets"));
        UUID community = id(admin.as().body(Map.of("streetId", street, "name", Api.unique("三里屯社区"), "kind", "COMMUNITY"))
                .post("/api/communities"));
        UUID grid = id(admin.as().body(Map.of("name", "一网格")).post("/api/communities/" + community + "/grids"));
        UUID building = id(admin.as().body(Map.of("name", "1号楼")).post("/api/grids/" + grid + "/buildings"));
        var household = admin.as().body(Map.of("room", "101")).post("/api/buildings/" + building + "/households")
                .then().statusCode(201).extract().jsonPath();
        return new OrgFixture(street, community, grid, building, UUID.fromString(household.getString("id")),
                household.getString("joinCode"));
    }

    public OrgLocation community() {
        return new OrgLocation(streetId, communityId, null, null, null);
    }

    public OrgLocation grid() {
        return new OrgLocation(streetId, communityId, gridId, null, null);
    }

    public OrgLocation street() {
        return OrgLocation.ofStreet(streetId);
    }

    private static UUID id(io.restassured.response.Response r) {
        return UUID.fromString(r.then().statusCode(201).extract().jsonPath().getString("id"));
    }
}
