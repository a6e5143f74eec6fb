package org.tongxin.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.common.Hashing;
import org.tongxin.support.Api;
import org.tongxin.support.Parallel;
import org.tongxin.support.WeChatStub;

/** Refresh rotation, reuse detection, logout, access-token validity and the phone binding. */
@QuarkusTest
class SessionTest {

    @Inject
    VerifiedTokens verifiedTokens;

    @Inject
    RedisDataSource redis;

    @Inject
    TokenIssuer issuer;

    @Inject
    SessionStore sessions;

    @Test
    void aRevocationMarkedWhileARefreshReadsTheGrantsMakesThatTokenStale() {
        UUID user = UUID.randomUUID();
        String session = UUID.randomUUID().toString();
        String token = issuer.accessToken(user, session, () -> {
            sessions.grantsChanged(user); // a revocation commits and marks the person's tokens now
            pause();
            return List.of(new Grant(Role.COMMUNITY_STAFF, UUID.randomUUID(), UUID.randomUUID(), null)); // read before it
        });
        long gen = Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]))
                .replaceAll(".*\"gen\":(\\d+).*", "$1"));
        assertEquals(SessionStore.Standing.STALE, sessions.standing(session, user, gen), "a token carrying the revoked role must not pass");
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void refreshRotatesTheToken() {
        Api.User user = Api.resident();
        Api.User next = Api.refresh(user);
        assertNotEquals(user.refreshToken(), next.refreshToken());
        next.as().get("/api/me").then().statusCode(200).body("id", equalTo(user.id().toString()));
        Api.refresh(next);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        Api.User user = Api.resident();
        Api.User next = Api.refresh(user);
        redis.key().del("tongxin:rtg:" + Hashing.sha256Hex(user.refreshToken())); // grace is over
        refresh(user.refreshToken()).spec(problem(401, "REFRESH_TOKEN_REUSED"));
        refresh(next.refreshToken()).spec(problem(401, "REFRESH_TOKEN_INVALID"));
    }

    @Test
    void unknownRefreshTokenIs401() {
        refresh("not-a-token").spec(problem(401, "REFRESH_TOKEN_INVALID"));
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Api.User user = Api.resident();
        user.as().post("/api/auth/logout").then().statusCode(204);
        refresh(user.refreshToken()).spec(problem(401, "REFRESH_TOKEN_INVALID"));
    }

    @Test
    void logoutEndsTheAccessTokenAtOnce() {
        Api.User user = Api.resident();
        user.as().get("/api/me").then().statusCode(200);
        user.as().post("/api/auth/logout").then().statusCode(204);
        user.as().get("/api/me").then().spec(problem(401, "UNAUTHORIZED"));
    }

    @Test
    void reuseDetectionEndsTheSessionsCurrentAccessTokenToo() {
        Api.User user = Api.resident();
        Api.User next = Api.refresh(user);
        redis.key().del("tongxin:rtg:" + Hashing.sha256Hex(user.refreshToken())); // grace is over
        refresh(user.refreshToken()).spec(problem(401, "REFRESH_TOKEN_REUSED"));
        next.as().get("/api/me").then().spec(problem(401, "UNAUTHORIZED"));
    }

    @Test
    void twoParallelRefreshesOfOneTokenGetTheSamePairAndNobodyIsLoggedOut() throws Exception {
        Api.User user = Api.resident();
        List<String> tokens = Parallel.times(4, i -> refresh(user.refreshToken()).statusCode(200)
                .extract().path("refreshToken"));
        assertEquals(1, Set.copyOf(tokens).size(), tokens.toString());
        refresh(tokens.get(0)).statusCode(200);
    }

    @Test
    void hammeringOneRefreshTokenIsLimited() {
        Api.User user = Api.resident();
        Api.User next = Api.refresh(user);
        for (int i = 0; i < 9; i++) {
            refresh(user.refreshToken()).statusCode(200); // within the grace: the same new pair
        }
        refresh(user.refreshToken()).spec(problem(429, "RATE_LIMITED")).header("Retry-After", notNullValue());
        refresh(next.refreshToken()).statusCode(200);
    }

    @Test
    void logoutRevokesOnlyItsOwnSession() {
        String code = "ok-" + Api.unique("two-phones");
        var first = Api.wxLogin(code).statusCode(200).extract().jsonPath();
        var second = Api.wxLogin(code).statusCode(200).extract().jsonPath();
        given().header("Authorization", "Bearer " + first.getString("accessToken")).post("/api/auth/logout")
                .then().statusCode(204);
        refresh(second.getString("refreshToken")).statusCode(200);
    }

    @Test
    void missingTokenIs401ProblemJson() {
        given().get("/api/me").then().spec(problem(401, "UNAUTHORIZED"))
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        given().post("/api/auth/logout").then().spec(problem(401, "UNAUTHORIZED"));
    }

    @Test
    void tamperedTokenIs401() {
        Api.User user = Api.resident();
        String[] parts = user.accessToken().split("\\.");
        String forged = parts[0] + "." + Jwt.subject(user.id().toString()).groups("DISTRICT_ADMIN")
                .claim("grants", List.of("DISTRICT_ADMIN|||")).sign().split("\\.")[1] + "." + parts[2];
        given().header("Authorization", "Bearer " + forged).get("/api/me").then().spec(problem(401, "UNAUTHORIZED"));
        given().header("Authorization", "Bearer garbage").get("/api/me").then().spec(problem(401, "UNAUTHORIZED"));
    }

    @Test
    void aVerifiedTokenIsKeptButAnotherByteIsAnotherToken() {
        Api.User user = Api.resident();
        user.as().get("/api/me").then().statusCode(200);
        assertTrue(verifiedTokens.knows(user.accessToken()));
        user.as().get("/api/me").then().statusCode(200);
        String[] parts = user.accessToken().split("\\.");
        String forged = parts[0] + "." + Jwt.subject(user.id().toString()).groups("DISTRICT_ADMIN")
                .claim("grants", List.of("DISTRICT_ADMIN|||")).sign().split("\\.")[1] + "." + parts[2];
        given().header("Authorization", "Bearer " + forged).get("/api/me").then().spec(problem(401, "UNAUTHORIZED"));
        assertFalse(verifiedTokens.knows(forged));
        user.as().post("/api/auth/logout").then().statusCode(204);
        user.as().get("/api/me").then().spec(problem(401, "UNAUTHORIZED"));
    }

    @Test
    void expiredTokenIs401() {
        Api.User user = Api.resident();
        String expired = Jwt.subject(user.id().toString()).groups("RESIDENT").claim("sid", "x")
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(1800)).sign();
        given().header("Authorization", "Bearer " + expired).get("/api/me").then().spec(problem(401, "UNAUTHORIZED"));
    }

    @Test
    void phoneIsBoundAndOnlyEverShownMasked() {
        Api.User user = Api.resident();
        String body = user.as().body(Map.of("code", "phone-ok")).post("/api/me/phone")
                .then().statusCode(200).body("phone", equalTo("138****5678")).extract().asString();
        assertFalse(body.contains(WeChatStub.PHONE));
        String me = user.as().get("/api/me").then().statusCode(200).body("phone", equalTo("138****5678"))
                .extract().asString();
        assertFalse(me.contains(WeChatStub.PHONE));
    }

    @Test
    void invalidPhoneCodeIs400() {
        Api.resident().as().body(Map.of("code", "phone-bad")).post("/api/me/phone")
                .then().spec(problem(400, "PHONE_CODE_INVALID"));
    }

    private static io.restassured.response.ValidatableResponse refresh(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/auth/refresh").then();
    }
}
