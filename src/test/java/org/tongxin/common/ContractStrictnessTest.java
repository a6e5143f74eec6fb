package org.tongxin.common;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tongxin.support.Problems.problem;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tongxin.auth.Role;
import org.tongxin.support.Api;
import org.tongxin.support.OrgFixture;

/**
 * The document says no less than the service enforces: each request below is refused by the
 * service, and a validator reading docs/openapi.yaml refuses it too, so a client generated from the
 * document does not send it. (ContractValidation checks the other way round: every request the
 * service accepts is valid by the document.)
 */
@QuarkusTest
class ContractStrictnessTest {

    private static final OpenApiInteractionValidator DOCUMENT = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("docs/openapi.yaml").toAbsolutePath().toUri().toString())
            .withResolveCombinators(true).build();

    @Test
    void whatTheServiceRefusesTheDocumentRefusesToo() {
        Api.User admin = Api.districtAdmin();
        OrgFixture org = OrgFixture.streetToHousehold(admin);
        Api.User staff = Api.withRole(Role.COMMUNITY_STAFF, org.community());

        refusedByBoth(admin, "/api/streets", "{\"name\":\"南苑\",\"extra\":1}", Map.of(), 400, "UNKNOWN_FIELD");
        refusedByBoth(admin, "/api/streets", "{\"name\":\"   \"}", Map.of(), 400, "VALIDATION_FAILED");
        refusedByBoth(staff, "/api/group-chats", "{\"communityId\":\"" + org.communityId()
                + "\",\"name\":\"群\",\"webhookKey\":\"!!abcdefgh12\"}", Map.of(), 400, "VALIDATION_FAILED");
        String slots = "/api/communities/" + org.communityId() + "/pickup-slots";
        refusedByBoth(staff, slots, "{\"date\":\"1999-12-31\",\"fromHour\":8,\"toHour\":9,\"minutes\":30,\"capacity\":5}",
                Map.of(), 400, "VALIDATION_FAILED");
        refusedByBoth(staff, "/api/orders", "{\"windowId\":\"" + UUID.randomUUID() + "\",\"items\":[{\"productId\":\""
                + UUID.randomUUID() + "\",\"quantity\":1}]}", Map.of("Idempotency-Key", "k".repeat(129)), 400,
                "IDEMPOTENCY_KEY_REQUIRED");
        String tomorrow = LocalDate.now().plusDays(1).toString();
        refusedByBoth(staff, slots, "{\"date\":\"" + tomorrow + "\",\"fromHour\":8,\"toHour\":9,\"minutes\":30,\"capacity\":5,"
                + "\"x\":1}", Map.of(), 400, "UNKNOWN_FIELD");
    }

    private static void refusedByBoth(Api.User who, String path, String json, Map<String, String> headers, int status,
                                      String code) {
        who.as().headers(headers).body(json).post(path).then().spec(problem(status, code));
        SimpleRequest.Builder request = SimpleRequest.Builder.post(path).withContentType("application/json")
                .withHeader("Authorization", "Bearer " + who.accessToken()).withBody(json);
        headers.forEach(request::withHeader);
        var report = DOCUMENT.validateRequest(request.build());
        assertTrue(report.hasErrors(), "docs/openapi.yaml accepts what the service refuses: POST " + path + " " + json);
    }
}
