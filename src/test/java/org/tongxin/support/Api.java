package org.tongxin.support;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Grant;
import org.tongxin.auth.Role;
import org.tongxin.common.OrgLocation;
import org.tongxin.org.OrgService;

/**
 * Test helpers that act through the real API (and, to hand out roles, through the real
 * {@link AccountService}). Every login uses a fresh name and client address, so tests never
 * share users and never trip the login rate limit.
 */
public final class Api {

    private Api() {}

    /**
     * A logged-in user: ids, both tokens, and the client address their requests come from (the
     * tests play the trusted ingress, which passes it in X-Forwarded-For), so per-address limits
     * count each user apart, as they would count separate phones.
     */
    public record User(UUID id, String accessToken, String refreshToken, String address) {
        public RequestSpecification as() {
            return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + accessToken)
                    .header("X-Forwarded-For", address);
        }
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random client address, so each login counts against its own rate-limit bucket. */
    public static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    public static ValidatableResponse wxLogin(String code) {
        return wxLogin(code, randomAddress());
    }

    public static ValidatableResponse wxLogin(String code, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("code", code)).post("/api/auth/wx-login").then();
    }

    public static User resident() {
        String address = randomAddress();
        var body = wxLogin("ok-" + unique("user"), address).statusCode(200).extract().jsonPath();
        return new User(UUID.fromString(body.getString("user.id")), body.getString("accessToken"),
                body.getString("refreshToken"), address);
    }

    public static User refresh(User user) {
        var body = given().contentType(ContentType.JSON).header("X-Forwarded-For", user.address())
                .body(Map.of("refreshToken", user.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(200).extract().jsonPath();
        return new User(user.id(), body.getString("accessToken"), body.getString("refreshToken"), user.address());
    }

    /** A new user holding {@code role} at {@code where}, with a token that already carries it. */
    public static User withRole(Role role, OrgLocation where) {
        User u = resident();
        Grant grant = switch (role.level()) {
            case DISTRICT -> new Grant(role, null, null, null);
            case STREET -> new Grant(role, where.streetId(), null, null);
            case COMMUNITY -> new Grant(role, where.streetId(), where.communityId(), null);
            case GRID -> new Grant(role, where.streetId(), where.communityId(), where.gridId());
            case NONE -> throw new IllegalArgumentException("RESIDENT needs no grant");
        };
        Arc.container().instance(AccountService.class).get().grant(u.id(), grant);
        return refresh(u);
    }

    public static User districtAdmin() {
        return withRole(Role.DISTRICT_ADMIN, null);
    }

    public static OrgLocation locateCommunity(UUID communityId) {
        return Arc.container().instance(OrgService.class).get().locateCommunity(communityId);
    }

    public static OrgLocation locateGrid(UUID gridId) {
        return Arc.container().instance(OrgService.class).get().locateGrid(gridId);
    }
}
