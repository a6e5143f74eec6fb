package org.tongxin.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;

/** Whatever a client sends, the answer is a 4xx problem+json with a stable code, never a 500. */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIs400() {
        Api.districtAdmin().as().body("{\"name\":").post("/api/streets").then()
                .statusCode(400).contentType(PROBLEM).body("code", equalTo("MALFORMED_JSON"))
                .body("type", startsWith("urn:tongxin:problem:")).body("title", not(emptyOrNullString()));
    }

    @Test
    void wrongContentTypeIs415() {
        Api.districtAdmin().as().contentType("text/plain").body("name=x").post("/api/streets").then()
                .statusCode(415).contentType(PROBLEM).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        Api.districtAdmin().as().body(huge).post("/api/streets").then()
                .statusCode(413).contentType(PROBLEM).body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        Api.districtAdmin().as().body(Map.of("name", Api.unique("街"), "mayor", "x")).post("/api/streets").then()
                .statusCode(400).body("code", equalTo("UNKNOWN_FIELD")).body("violations[0].field", equalTo("mayor"));
    }

    @Test
    void tenThousandCharacterNameIs400() {
        Api.districtAdmin().as().body(Map.of("name", "街".repeat(10_000))).post("/api/streets").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("name"));
    }

    @Test
    void controlCharactersAre400() {
        Api.User admin = Api.districtAdmin();
        admin.as().body(Map.of("name", "南苑\u0000街道")).post("/api/streets").then()
                .statusCode(400).body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("不能包含控制字符"));
        admin.as().body(Map.of("name", "南苑\n街道")).post("/api/streets").then().statusCode(400);
        admin.as().body(Map.of("name", "\u001b[31m")).post("/api/streets").then().statusCode(400);
    }

    @Test
    void emojiAreTextAndRoundTrip() {
        String name = Api.unique("🏠同心街道");
        Api.districtAdmin().as().body(Map.of("name", name)).post("/api/streets").then()
                .statusCode(201).body("name", equalTo(name));
    }

    @Test
    void wrongTypesAndUnknownEnumsAre400() {
        Api.User admin = Api.districtAdmin();
        admin.as().body(Map.of("name", 42, "kind", "PALACE")).post("/api/streets").then()
                .statusCode(400).contentType(PROBLEM).body("code", equalTo("VALIDATION_FAILED"));
        admin.as().body("[1,2,3]").post("/api/streets").then().statusCode(400).contentType(PROBLEM);
        admin.as().body("\"just a string\"").post("/api/streets").then().statusCode(400).contentType(PROBLEM);
        admin.as().body(Map.of("streetId", "not-a-uuid", "name", "x", "kind", "COMMUNITY")).post("/api/communities").then()
                .statusCode(400).body("violations[0].field", equalTo("streetId"));
    }

    @Test
    void emptyBodyIs400() {
        Api.districtAdmin().as().post("/api/streets").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unknownRouteAndWrongMethodAreProblems() {
        given().get("/api/no-such-thing").then().statusCode(404).contentType(PROBLEM).body("code", equalTo("NOT_FOUND"));
        Api.resident().as().delete("/api/me").then().statusCode(405).contentType(PROBLEM)
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void malformedQueryParametersAre400NotNotFound() {
        Api.User admin = Api.districtAdmin();
        admin.as().get("/api/volunteer-applications?communityId=abc").then().statusCode(400)
                .contentType(PROBLEM).body("code", equalTo("VALIDATION_FAILED"));
        admin.as().get("/api/volunteers?communityId=" + UUID.randomUUID() + "&skill=FLYING").then().statusCode(400);
        admin.as().get("/api/communities/" + UUID.randomUUID() + "/coverage?from=yesterday").then().statusCode(400);
        admin.as().get("/api/buildings/" + UUID.randomUUID() + "/households?page=abc").then().statusCode(400);
    }

    @Test
    void pageSizeAbove100Is400() {
        Api.districtAdmin().as().get("/api/buildings/" + UUID.randomUUID() + "/households?size=1000").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void textsFollowAcceptLanguage() {
        given().header("Accept-Language", "en-US,en;q=0.9").get("/api/me").then()
                .statusCode(401).body("title", equalTo("Please log in")).body("code", equalTo("UNAUTHORIZED"));
        given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").get("/api/me").then()
                .statusCode(401).body("title", equalTo("请先登录"));
        given().header("Accept-Language", ";;;garbage").get("/api/me").then().statusCode(401).body("title", equalTo("请先登录"));
        Api.districtAdmin().as().header("Accept-Language", "en").body(Map.of("name", "a\u0000b")).post("/api/streets")
                .then().statusCode(400).body("violations[0].message", equalTo("must not contain control characters"));
    }
}
