package org.tongxin.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;

/**
 * Every operation under {@code /api} that the OpenAPI document lists answers 401 problem+json
 * without a token, except the two that hand tokens out. The routes are read from the served
 * document, so a new endpoint is covered the day it is written.
 */
@QuarkusTest
class TokenRequiredTest {

    /** The only operations a caller without a token may use. */
    private static final Set<String> PUBLIC = Set.of("POST /api/auth/wx-login", "POST /api/auth/refresh");

    @Test
    void everyApiRouteWithoutATokenIs401() {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        paths.forEach((template, operations) -> {
            if (!template.startsWith("/api/")) {
                return;
            }
            String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String method : operations.keySet()) {
                String operation = method.toUpperCase() + " " + template;
                if (PUBLIC.contains(operation)) {
                    continue;
                }
                var r = given().contentType(ContentType.JSON).body("{}").request(method.toUpperCase(), path).then().extract();
                checked.add(operation);
                if (r.statusCode() != 401 || !"UNAUTHORIZED".equals(r.path("code"))
                        || !r.contentType().startsWith("application/problem+json")) {
                    wrong.add(operation + " → " + r.statusCode() + " " + r.contentType());
                }
            }
        });
        assertTrue(checked.size() >= 30, "the document lists the API: " + checked);
        assertEquals(List.of(), wrong);
        for (String open : PUBLIC) {
            String[] parts = open.split(" ");
            int status = given().contentType(ContentType.JSON).body("{}").request(parts[0], parts[1]).then().extract().statusCode();
            assertEquals(400, status, open + " needs no token: an empty body is a validation error, not a 401");
        }
    }

    @Test
    void aLoggedOutTokenIsRefusedOnEveryRoute() {
        Api.User user = Api.districtAdmin();
        user.as().get("/api/me").then().statusCode(200);
        user.as().post("/api/auth/logout").then().statusCode(204);
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var route : paths.entrySet()) {
            if (!route.getKey().startsWith("/api/")) {
                continue;
            }
            String path = route.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String method : route.getValue().keySet()) {
                if (PUBLIC.contains(method.toUpperCase() + " " + route.getKey())) {
                    continue;
                }
                checked++;
                var r = user.as().body("{}").request(method.toUpperCase(), path).then().extract();
                if (r.statusCode() != 401 || !"UNAUTHORIZED".equals(r.path("code"))) {
                    wrong.add(method.toUpperCase() + " " + route.getKey() + " → " + r.statusCode());
                }
            }
        }
        assertTrue(checked >= 30, "walked " + checked + " operations");
        assertEquals(List.of(), wrong, "a logged-out session's token still works here");
    }
}
