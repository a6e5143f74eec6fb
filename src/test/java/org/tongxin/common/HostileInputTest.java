package org.tongxin.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongxin.support.Api;
import org.tongxin.support.OrgFixture;

/**
 * Walks every operation of the OpenAPI document as a district admin (so that requests pass
 * authorisation and reach validation and the database) with hostile values in every path
 * parameter, query parameter and body field: huge and negative numbers, dates at the ends of
 * time, invisible and direction-changing characters, very long text. Nothing may answer 5xx; every
 * refusal is problem+json (the contract filter also checks it is documented).
 */
@QuarkusTest
class HostileInputTest {

    private static final List<Object> HOSTILE = List.of(
            2147483647, -2147483648, 9223372036854775807L, "99999999999999999999999", -1, 0, 1.5e308,
            "+999999999-12-31", "-5000-01-01", "+300000-01-01T00:00:00Z", "2026-02-30", "0000-01-01T00:00:00Z",
            "a\u200Bb", "a\u202Eb", "\uFEFF", "x".repeat(3000), "🙂", "' OR 1=1 --", "", " ", true,
            List.of(), Map.of());

    @Test
    void noInputMakesTheServiceFail() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Map<String, Map<String, Object>> schemas = given().get("/q/openapi?format=json").then().extract().jsonPath()
                .getMap("components.schemas");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String method = op.getKey().toUpperCase();
                List<Map<String, Object>> params = parameters(op.getValue());
                Map<String, Object> body = exampleBody(op.getValue(), schemas, org);
                List<Attempt> attempts = new ArrayList<>();
                for (Object value : HOSTILE) {
                    // Parameters get scalars; an empty value is an absent parameter, not a hostile one.
                    boolean scalar = !(value instanceof List || value instanceof Map || "".equals(value));
                    for (Map<String, Object> p : scalar ? params : List.<Map<String, Object>>of()) {
                        attempts.add(new Attempt(p.get("in") + " " + p.get("name"), value, Map.of(p.get("name").toString(), value),
                                body, p.get("in").toString()));
                    }
                    if (body != null) {
                        for (String field : body.keySet()) {
                            Map<String, Object> hostileBody = new HashMap<>(body);
                            hostileBody.put(field, value);
                            attempts.add(new Attempt("body " + field, value, Map.of(), hostileBody, "body"));
                        }
                    }
                }
                for (Attempt a : attempts) {
                    requests++;
                    Map<String, Object> pathValues = new LinkedHashMap<>();
                    Map<String, Object> query = new LinkedHashMap<>();
                    for (Map<String, Object> p : params) {
                        String name = p.get("name").toString();
                        Object v = a.params().containsKey(name) ? a.params().get(name) : valid(name, org);
                        ("path".equals(p.get("in")) ? pathValues : query).put(name, String.valueOf(v));
                    }
                    String target = path.getKey();
                    var spec = admin.as().pathParams(pathValues).queryParams(query);
                    if (a.body() != null) {
                        spec = spec.body(a.body());
                    }
                    String attempt = method + " " + path.getKey() + " " + a.what() + "=" + abbreviate(a.value());
                    try {
                        var r = spec.request(method, target).then().extract();
                        boolean problem = r.statusCode() < 400 || r.contentType().startsWith("application/problem+json");
                        if (r.statusCode() >= 500 || !problem) {
                            failures.add(attempt + " → " + r.statusCode());
                        }
                    } catch (AssertionError undocumented) {
                        failures.add(attempt + " → " + undocumented.getMessage().lines().skip(1).findFirst().orElse("?"));
                    }
                }
            }
        }
        assertTrue(requests > 1000, "walked " + requests + " requests");
        assertEquals(List.of(), failures);
    }

    private record Attempt(String what, Object value, Map<String, Object> params, Map<String, Object> body, String where) {}

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parameters(Map<String, Object> op) {
        Object p = op.get("parameters");
        return p == null ? List.of() : (List<Map<String, Object>>) p;
    }

    /** A valid body for the operation, so that one hostile field at a time is what gets tested. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> exampleBody(Map<String, Object> op, Map<String, Map<String, Object>> schemas,
                                                   OrgFixture org) {
        Map<String, Object> requestBody = (Map<String, Object>) op.get("requestBody");
        if (requestBody == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
        Map<String, Object> json = (Map<String, Object>) content.values().iterator().next();
        String ref = (String) ((Map<String, Object>) json.get("schema")).get("$ref");
        Map<String, Object> schema = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        Map<String, Object> body = new LinkedHashMap<>();
        ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).keySet().forEach(name -> body.put(name, valid(name, org)));
        return body;
    }

    private static Object valid(String name, OrgFixture org) {
        return switch (name) {
            case "id", "communityId", "scopeId" -> org.communityId();
            case "streetId" -> org.streetId();
            case "from", "to" -> "2030-01-01";
            case "days", "capacity", "shiftLengthHours", "maxUses" -> 1;
            case "page" -> 0;
            case "size" -> 20;
            case "shiftStartHours" -> List.of(0);
            case "skills" -> List.of("OTHER");
            case "partyMember" -> false;
            case "role" -> "GRID_WORKER";
            case "kind" -> "COMMUNITY";
            case "level" -> "LOW";
            case "status" -> "PENDING";
            case "skill" -> "OTHER";
            default -> "x";
        };
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() > 30 ? s.substring(0, 30) + "…(" + s.length() + ")" : s;
    }
}
