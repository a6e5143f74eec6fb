package org.tongxin.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Every REST Assured request of every {@code @QuarkusTest} is checked against the OpenAPI document
 * the mini-program team reads ({@code docs/openapi.yaml}, itself held equal to the served one by
 * {@code OpenApiDocumentTest}). Installed for all tests through Quarkus's before-each callback
 * (registered in {@code META-INF/services}), so no test can forget it.
 *
 * <p>Every answer under {@code /api} must match the document: status code listed, body and
 * media type as described (problem+json for errors). The request is checked too whenever the
 * service accepted it (2xx/3xx): the document may not be stricter than the service. Requests the
 * service refused are often deliberately malformed (that is what the bad-input tests send), so
 * for those only the answer is checked.
 */
public class ContractValidation implements QuarkusTestBeforeEachCallback, Filter {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("docs/openapi.yaml").toAbsolutePath().toUri().toString())
            .withResolveCombinators(true)
            // Routes and methods that do not exist are tested on purpose (404/405 problem+json); they have
            // no operation in the document to match.
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE).build())
            .build();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof ContractValidation)) {
            RestAssured.filters(this);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
                           FilterContext ctx) {
        Response response = ctx.next(request, expected);
        Request sent = RestAssuredRequest.of(request);
        if (!sent.getPath().startsWith("/api/")) {
            return response;
        }
        var answered = RestAssuredResponse.of(response);
        ValidationReport report = response.statusCode() < 400
                ? VALIDATOR.validate(sent, answered)
                : VALIDATOR.validateResponse(sent.getPath(), sent.getMethod(), answered);
        if (report.hasErrors()) {
            throw new AssertionError("the service and docs/openapi.yaml disagree on " + sent.getMethod() + " "
                    + sent.getPath() + " → " + response.statusCode() + ":\n" + report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "  - " + m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n")));
        }
        return response;
    }
}
