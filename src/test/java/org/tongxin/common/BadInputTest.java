package org.tongxin.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.RawHttp;

/** Whatever a client sends, the answer is a 4xx problem+json with a stable code, never a 500. */
@QuarkusTest
class BadInputTest {

    @Test
    void malformedJsonIs400() {
        Api.districtAdmin().as().body("{\"name\":").post("/api/streets").then()
                .spec(problem(400, "MALFORMED_JSON")).body("type", equalTo("urn:tongxin:problem:malformed-json"));
    }

    @Test
    void wrongContentTypeIs415() {
        Api.districtAdmin().as().contentType("text/plain").body("name=x").post("/api/streets").then()
                .spec(problem(415, "UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        Api.districtAdmin().as().body(huge).post("/api/streets").then()
                .spec(problem(413, "PAYLOAD_TOO_LARGE"));
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        Api.districtAdmin().as().body(Map.of("name", Api.unique("街"), "mayor", "x")).post("/api/streets").then()
                .spec(problem(400, "UNKNOWN_FIELD")).body("violations[0].field", equalTo("mayor"));
    }

    @Test
    void tenThousandCharacterNameIs400() {
        Api.districtAdmin().as().body(Map.of("name", "街".repeat(10_000))).post("/api/streets").then()
                .spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("name"));
    }

    @Test
    void controlCharactersAre400() {
        Api.User admin = Api.districtAdmin();
        admin.as().body(Map.of("name", "南苑\u0000街道")).post("/api/streets").then()
                .spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("不能包含控制字符"));
        admin.as().body(Map.of("name", "南苑\n街道")).post("/api/streets").then().spec(problem(400, "VALIDATION_FAILED"));
        admin.as().body(Map.of("name", "\u001b[31m")).post("/api/streets").then().spec(problem(400, "VALIDATION_FAILED"));
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
                .spec(problem(400, "VALIDATION_FAILED"));
        admin.as().body("[1,2,3]").post("/api/streets").then().spec(problem(400, "MALFORMED_JSON"));
        admin.as().body("\"just a string\"").post("/api/streets").then().spec(problem(400, "MALFORMED_JSON"));
        admin.as().body(Map.of("streetId", "not-a-uuid", "name", "x", "kind", "COMMUNITY")).post("/api/communities").then()
                .spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("streetId"));
    }

    @Test
    void emptyBodyIs400() {
        Api.districtAdmin().as().post("/api/streets").then().spec(problem(400, "VALIDATION_FAILED"));
    }

    @Test
    void unknownRouteAndWrongMethodAreProblems() {
        given().get("/api/no-such-thing").then().spec(problem(404, "NOT_FOUND"));
        Api.resident().as().delete("/api/me").then().spec(problem(405, "METHOD_NOT_ALLOWED"));
    }

    @Test
    void malformedQueryParametersAre400NotNotFound() {
        Api.User admin = Api.districtAdmin();
        admin.as().get("/api/volunteer-applications?communityId=abc").then().spec(problem(400, "VALIDATION_FAILED"));
        admin.as().get("/api/volunteers?communityId=" + UUID.randomUUID() + "&skill=FLYING").then().spec(problem(400, "VALIDATION_FAILED"));
        admin.as().get("/api/communities/" + UUID.randomUUID() + "/coverage?from=yesterday").then().spec(problem(400, "VALIDATION_FAILED"));
        admin.as().get("/api/buildings/" + UUID.randomUUID() + "/households?page=abc").then().spec(problem(400, "VALIDATION_FAILED"));
    }

    @Test
    void pageSizeAbove100Is400() {
        Api.districtAdmin().as().get("/api/buildings/" + UUID.randomUUID() + "/households?size=1000").then()
                .spec(problem(400, "VALIDATION_FAILED"));
    }

    @Test
    void textsFollowAcceptLanguage() {
        given().header("Accept-Language", "en-US,en;q=0.9").get("/api/me").then()
                .spec(problem(401, "UNAUTHORIZED")).body("title", equalTo("Please log in")).body("code", equalTo("UNAUTHORIZED"));
        given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").get("/api/me").then()
                .spec(problem(401, "UNAUTHORIZED")).body("title", equalTo("请先登录"));
        given().header("Accept-Language", ";;;garbage").get("/api/me").then().spec(problem(401, "UNAUTHORIZED")).body("title", equalTo("请先登录"));
        Api.districtAdmin().as().header("Accept-Language", "en").body(Map.of("name", "a\u0000b")).post("/api/streets")
                .then().spec(problem(400, "VALIDATION_FAILED")).body("violations[0].message", equalTo("must not contain control characters"));
    }

    @Test
    void malformedRequestTargetsAre400ProblemJsonEvenWithoutAToken() throws Exception {
        for (String target : List.of("/api/checkpoints?communityId={x}", "/api/checkpoints?communityId=a|b",
                "/api/checkpoints?communityId=%zz", "/api/{x}")) {
            RawHttp.Answer answer = RawHttp.get(target);
            assertEquals(400, answer.status(), target);
            assertTrue(answer.head().toLowerCase().contains("content-type: application/problem+json"), answer.head());
            assertTrue(answer.body().contains("\"code\":\"MALFORMED_URI\""), answer.body());
        }
        assertEquals(401, RawHttp.get("/api/checkpoints?communityId=%7Bx%7D").status(), "an escaped brace is fine");
    }
}
