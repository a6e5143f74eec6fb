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
import org.tongxin.support.OrgFixture;
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
                .body("violations[0].message", equalTo("不能包含控制字符或不可见字符"));
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
        Api.resident().as().put("/api/me").then().spec(problem(405, "METHOD_NOT_ALLOWED"));
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
                .then().spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].message", equalTo("must not contain control or invisible characters"));
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

    @Test
    void aPageBeyondAnyListIs400NamingThePage() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        admin.as().get("/api/volunteer-applications?communityId=" + org.communityId() + "&page=2147483647&size=100")
                .then().spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("page"));
        admin.as().get("/api/buildings/" + org.buildingId() + "/households?size=101")
                .then().spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("size"));
    }

    @Test
    void datesAtTheEndsOfTimeAre400NamingTheField() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        String checkpoint = admin.as().body(Map.of("communityId", org.communityId(), "name", Api.unique("卡点"),
                "shiftStartHours", List.of(0), "shiftLengthHours", 24, "capacity", 1)).post("/api/checkpoints")
                .then().statusCode(201).extract().path("id");
        for (String date : List.of("+999999999-12-31", "-5000-01-01", "9999-12-31")) {
            admin.as().body(Map.of("from", date, "days", 1)).post("/api/checkpoints/" + checkpoint + "/shifts")
                    .then().spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("from"));
            admin.as().get("/api/communities/" + org.communityId() + "/coverage?from=" + date)
                    .then().spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("from"));
            admin.as().get("/api/communities/" + org.communityId() + "/no-shows?to=" + date)
                    .then().spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("to"));
            admin.as().get("/api/checkpoints/" + checkpoint + "/shifts?to=" + date)
                    .then().spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("to"));
        }
        admin.as().body(Map.of("role", "GRID_WORKER", "scopeId", org.gridId(), "expiresAt", "+300000-01-01T00:00:00Z"))
                .post("/api/invitations").then().spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("expiresAt"));
    }

    @Test
    void invisibleAndDirectionChangingCharactersAre400() {
        Api.User admin = Api.districtAdmin();
        for (String name : List.of("南苑\u200B街道", "exe.\u202Egpj", "\uFEFF南苑", "南苑\u2066街道")) {
            admin.as().body(Map.of("name", name)).post("/api/streets").then().spec(problem(400, "VALIDATION_FAILED"))
                    .body("violations[0].field", equalTo("name"));
        }
        admin.as().body(Map.of("name", Api.unique("👨\u200D👩\u200D👧街道"))).post("/api/streets").then().statusCode(201);
    }

    @Test
    void aNumberIsNotANameAndNotAnEnumConstant() {
        Api.User admin = Api.districtAdmin();
        admin.as().body(Map.of("name", 42)).post("/api/streets").then().spec(problem(400, "VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("name"));
        admin.as().body(Map.of("name", Api.unique("街"), "kind", 0)).post("/api/streets").then()
                .spec(problem(400, "VALIDATION_FAILED")).body("violations[0].field", equalTo("kind"));
    }

    @Test
    void anOversizedChunkedBodyIs413ProblemJson() throws Exception {
        RawHttp.Answer answer = RawHttp.postChunked("/api/streets", Api.districtAdmin().accessToken(),
                "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}");
        assertEquals(413, answer.status(), answer.head());
        assertTrue(answer.head().toLowerCase().contains("content-type: application/problem+json"), answer.head());
        assertTrue(answer.body().contains("PAYLOAD_TOO_LARGE"), answer.body());
        String token = Api.districtAdmin().accessToken();
        assertEquals(201, RawHttp.postChunked("/api/streets", token, "{\"name\":\"" + Api.unique("街") + "\"}").status(),
                "a small chunked body is read as usual");
        assertEquals(400, RawHttp.postChunked("/api/streets", token, "").status(), "an empty chunked body is answered, not awaited");
    }
}
