package org.tongxin.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.tongxin.support.Problems.problem;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.WeChatStub;

/** wx-login through WxJava against the WeChat stub: success, WeChat's errors, secrecy, rate limit. */
@QuarkusTest
class LoginTest {

    @Inject
    RedisDataSource redis;

    @Test
    void loginReturnsOurTokensAndProfile() {
        String code = "ok-" + Api.unique("login");
        Api.wxLogin(code).statusCode(200)
                .body("accessToken", not(emptyOrNullString()))
                .body("refreshToken", not(emptyOrNullString()))
                .body("expiresIn", equalTo(900))
                .body("user.id", not(emptyOrNullString()))
                .body("user.roles", contains("RESIDENT"));
    }

    @Test
    void sameWeChatUserGetsSameAccountOnEveryLogin() {
        String code = "ok-" + Api.unique("again");
        String first = Api.wxLogin(code).statusCode(200).extract().path("user.id");
        String second = Api.wxLogin(code).statusCode(200).extract().path("user.id");
        assertEquals(first, second);
    }

    @Test
    void responsesNeverContainSessionKeyOpenidOrUnionid() {
        String code = "ok-" + Api.unique("secret");
        String login = Api.wxLogin(code).statusCode(200).extract().asString();
        assertNoSecrets(login, code);
        var tokens = io.restassured.path.json.JsonPath.from(login);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(tokens.getString("accessToken").split("\\.")[1]));
        assertNoSecrets(claims, code);
        String refresh = given().contentType(ContentType.JSON).body(Map.of("refreshToken", tokens.getString("refreshToken")))
                .post("/api/auth/refresh").then().statusCode(200).extract().asString();
        assertNoSecrets(refresh, code);
        String me = given().header("Authorization", "Bearer " + tokens.getString("accessToken"))
                .get("/api/me").then().statusCode(200).extract().asString();
        assertNoSecrets(me, code);
    }

    @Test
    void logsNeverContainSessionKeyOpenidOrPhone() throws IOException {
        String code = "ok-" + Api.unique("logcheck");
        var user = Api.wxLogin(code).statusCode(200).extract().jsonPath();
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + user.getString("accessToken"))
                .body(Map.of("code", "phone-ok")).post("/api/me/phone").then().statusCode(200);
        Api.wxLogin("bad-" + Api.unique("logcheck")).spec(problem(401, "WX_CODE_INVALID"));
        String log = Files.readString(Path.of("target/quarkus-test.log"));
        assertTrue(log.contains("login user=" + user.getString("user.id")), "the login was logged by id");
        assertFalse(log.contains("o-" + code), "openid in log");
        assertFalse(log.contains("sk-secret"), "session_key in log");
        assertFalse(log.contains("u-" + code), "unionid in log");
        assertFalse(log.contains(WeChatStub.PHONE), "full phone number in log");
        assertFalse(log.contains("test-secret"), "AppSecret in log");
    }

    @Test
    void invalidCodeIsRefusedWith401() {
        Api.wxLogin("bad-" + Api.unique("x")).spec(problem(401, "WX_CODE_INVALID"))
                .contentType("application/problem+json")
                .body("code", equalTo("WX_CODE_INVALID"))
                .body("status", equalTo(401));
    }

    @Test
    void reusedCodeIsRefusedWith401() {
        Api.wxLogin("used-" + Api.unique("x")).spec(problem(401, "WX_CODE_INVALID"));
    }

    @Test
    void weChatBusyAnswers503WithRetryAfterAndIsNotRetried() {
        String code = "busy-" + Api.unique("x");
        Api.wxLogin(code).statusCode(503)
                .header("Retry-After", notNullValue())
                .body("code", equalTo("WX_UNAVAILABLE"));
        WeChatStub.server().verify(1, WireMock.getRequestedFor(WireMock.urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("js_code", WireMock.equalTo(code)));
    }

    @Test
    void weChatQuotaExceededAnswers503() {
        Api.wxLogin("limit-" + Api.unique("x")).statusCode(503)
                .header("Retry-After", equalTo("60"))
                .body("code", equalTo("WX_UNAVAILABLE"));
    }

    @Test
    void weChatAccessTokenIsSharedThroughRedis() {
        Api.resident();
        Api.resident();
        assertNotNull(redis.value(String.class).get("tongxin:wx:access_token:wx-test-app"),
                "WxJava's access token is stored in Redis for all replicas");
        assertTrue(WeChatStub.server().countRequestsMatching(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/cgi-bin/stable_token"))
                .build()).getCount() <= 1, "the token is fetched at most once, not per login");
    }

    @Test
    void blankOrMissingCodeIs400() {
        Api.wxLogin("").spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("code"));
        given().contentType(ContentType.JSON).body("{}").post("/api/auth/wx-login").then().spec(problem(400, "VALIDATION_FAILED"));
    }

    @Test
    void tooManyLoginsFromOneAddressAre429WithRetryAfter() {
        String address = Api.randomAddress();
        int limited = 0;
        for (int i = 0; i < 25; i++) {
            int status = given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                    .body(Map.of("code", "bad-" + i)).post("/api/auth/wx-login").then().extract().statusCode();
            if (status == 429) {
                limited++;
            } else {
                assertEquals(401, status);
            }
        }
        assertEquals(5, limited, "20 attempts per minute pass, the rest are refused");
        given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("code", "bad-x")).post("/api/auth/wx-login").then()
                .spec(problem(429, "RATE_LIMITED")).header("Retry-After", notNullValue()).body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void aForgedForwardedForDoesNotDodgeTheAddressLimit() {
        // The ingress appends the address it saw; whatever the client wrote before it is ignored.
        String seenByIngress = Api.randomAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            statuses.add(given().contentType(ContentType.JSON).header("X-Forwarded-For", Api.randomAddress() + ", " + seenByIngress)
                    .body(Map.of("code", "bad-" + i)).post("/api/auth/wx-login").then().extract().statusCode());
        }
        assertEquals(2, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    void onePersonIsLimitedWhateverAddressesTheyUse() {
        String code = "ok-" + Api.unique("same-person");
        for (int i = 0; i < 10; i++) {
            Api.wxLogin(code).statusCode(200);
        }
        Api.wxLogin(code).spec(problem(429, "RATE_LIMITED")).header("Retry-After", notNullValue());
    }

    @Test
    void theServiceWideCeilingStopsEveryLoginWithRetryAfter() {
        var counter = redis.value(Long.class);
        counter.setex("tongxin:rl:login:all", 30, 6000L);
        try {
            Api.wxLogin("ok-" + Api.unique("late")).spec(problem(429, "RATE_LIMITED")).header("Retry-After", notNullValue());
        } finally {
            redis.key().del("tongxin:rl:login:all");
        }
        Api.wxLogin("ok-" + Api.unique("early")).statusCode(200);
    }

    private static void assertNoSecrets(String body, String code) {
        assertFalse(body.contains("o-" + code), "openid leaked");
        assertFalse(body.contains("sk-secret"), "session_key leaked");
        assertFalse(body.contains("u-" + code), "unionid leaked");
        assertFalse(body.toLowerCase().contains("openid"), "openid field leaked");
        assertFalse(body.toLowerCase().contains("session_key"), "session_key field leaked");
    }
}
