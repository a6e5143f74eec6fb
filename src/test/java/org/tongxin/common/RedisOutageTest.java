package org.tongxin.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.OrgFixture;
import org.tongxin.support.OwnRedis;

/**
 * Redis really stops (a server of this test's own, killed and started again): what needs it
 * answers 503 problem+json with Retry-After, readiness says DOWN, what does not need it goes on,
 * and everything recovers by itself when Redis is back.
 */
@QuarkusTest
@TestProfile(RedisOutageTest.OwnRedisProfile.class)
class RedisOutageTest {

    /** The normal test configuration, with Redis replaced by one this test may stop. */
    public static class OwnRedisProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnRedis.class));
        }
    }

    @AfterEach
    void redisIsBack() {
        OwnRedis.startServerIfStopped();
    }

    @Test
    void withoutRedisWhatNeedsItAnswers503AndEverythingRecovers() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User resident = Api.resident();
        given().get("/q/health/ready").then().statusCode(200);

        OwnRedis.stopServer();
        Api.wxLogin("ok-" + Api.unique("outage")).spec(problem(503, "SERVICE_UNAVAILABLE")).header("Retry-After", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", resident.refreshToken()))
                .post("/api/auth/refresh").then().spec(problem(503, "SERVICE_UNAVAILABLE")).header("Retry-After", "5");
        resident.as().body(Map.of("joinCode", org.joinCode())).post("/api/me/household").then()
                .spec(problem(503, "SERVICE_UNAVAILABLE"));
        resident.as().get("/api/me").then().statusCode(200).body("id", equalTo(resident.id().toString()));
        admin.as().get("/api/communities/" + org.communityId()).then().statusCode(200);
        // A write needs the deny-list (tongxin.auth.revocation-unavailable=refuse): a revoked token must not write.
        admin.as().body(Map.of("name", Api.unique("街道"))).post("/api/streets").then()
                .spec(problem(503, "SERVICE_UNAVAILABLE")).header("Retry-After", "5");
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));

        OwnRedis.startServer();
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
            status = Api.wxLogin("ok-" + Api.unique("back")).extract().statusCode();
            if (status != 200) {
                sleep();
            }
        }
        assertEquals(200, status, "logins work again once Redis is back");
        // This Redis keeps nothing on disk, so the sessions went with it: people log in again.
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", resident.refreshToken()))
                .post("/api/auth/refresh").then().spec(problem(401, "REFRESH_TOKEN_INVALID"));
        resident.as().body(Map.of("joinCode", org.joinCode())).post("/api/me/household").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
