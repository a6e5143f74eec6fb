package org.tongxin.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become {@code application/problem+json}. Nothing reaches the
 * client as a stack trace, a class name or SQL; unexpected failures are logged and answered 500.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response api(ApiException e, HttpHeaders headers) {
        boolean en = english(headers);
        Response.ResponseBuilder rb = build(e.code(), en, e.detail(en), e.violations(en));
        e.headers().forEach(rb::header);
        return rb.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return build(CommonError.VALIDATION_FAILED, english(headers), null, violations).build();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpHeaders headers) {
        var violation = new Problem.Violation(jsonPath(e), english(headers) ? "unknown field" : "未知字段");
        return build(CommonError.UNKNOWN_FIELD, english(headers), null, List.of(violation)).build();
    }

    /** A value of the wrong type or format (text for a number, an unknown enum constant, a bad date). */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e, HttpHeaders headers) {
        if (e.getPath().isEmpty()) {
            return build(CommonError.MALFORMED_JSON, english(headers), null, null).build();
        }
        boolean en = english(headers);
        var violation = new Problem.Violation(jsonPath(e), en ? "wrong type or format" : "类型或格式不正确");
        return build(CommonError.VALIDATION_FAILED, en, null, List.of(violation)).build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpHeaders headers) {
        if (e instanceof MismatchedInputException m) {
            return mismatch(m, headers);
        }
        return build(CommonError.MALFORMED_JSON, english(headers), null, null).build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e, HttpHeaders headers) {
        return build(CommonError.UNAUTHORIZED, english(headers), null, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return build(CommonError.FORBIDDEN, english(headers), null, null).build();
    }

    @Inject
    ApiRoutes routes;

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted (a malformed
            // UUID, date, number or enum constant): that is a bad request, not a missing resource.
            boolean en = english(headers);
            return build(CommonError.VALIDATION_FAILED, en, en ? "A parameter has the wrong format"
                    : "参数格式不正确", null).build();
        }
        ErrorCode code = switch (status) {
            case 400 -> e.getCause() instanceof JsonProcessingException ? CommonError.MALFORMED_JSON : CommonError.BAD_REQUEST;
            case 401 -> CommonError.UNAUTHORIZED;
            case 403 -> CommonError.FORBIDDEN;
            case 404 -> CommonError.NOT_FOUND;
            case 405 -> CommonError.METHOD_NOT_ALLOWED;
            case 406 -> CommonError.NOT_ACCEPTABLE;
            case 413 -> CommonError.PAYLOAD_TOO_LARGE;
            case 415 -> CommonError.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? CommonError.INTERNAL_ERROR : CommonError.BAD_REQUEST;
        };
        if (status >= 500) {
            return incident(e, code, headers);
        }
        Response.ResponseBuilder rb = build(code, english(headers), null, null);
        if (status == 405) {
            routes.at(uri.getPath()).ifPresent(route -> rb.header("Allow", route.allow()));
        }
        return rb.build();
    }

    /**
     * A database constraint refused a write that passed our own checks: two requests raced and
     * the database, the final guard, decided. The loser gets 409, never a 500.
     */
    @ServerExceptionMapper
    public Response persistence(jakarta.persistence.PersistenceException e, HttpHeaders headers) {
        if (SqlErrors.databaseUnavailable(e)) {
            return unexpected(e, headers);
        }
        if (SqlErrors.isConstraintViolation(e)) {
            Log.infof("write refused by a constraint, sqlstate %s", SqlErrors.sqlState(e).orElse("?"));
            return build(CommonError.CONFLICT, english(headers), null, null).build();
        }
        if (SqlErrors.sqlState(e).filter(s -> s.startsWith("22")).isPresent()) {
            Log.infof("value refused by the database as data, sqlstate %s", SqlErrors.sqlState(e).orElse("?"));
            return build(CommonError.VALIDATION_FAILED, english(headers), null, null).build();
        }
        return unexpected(e, headers);
    }

    /**
     * Safety nets behind the bounds checked at the edge: date arithmetic that overflows, or a value
     * the database refuses as data (SQLSTATE class 22: out of range, bad format). Both are the
     * client's input, so 400, never 500.
     */
    @ServerExceptionMapper
    public Response dateTime(java.time.DateTimeException e, HttpHeaders headers) {
        Log.infof("date out of range: %s", e.getClass().getSimpleName());
        return build(CommonError.VALIDATION_FAILED, english(headers), null, null).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers) {
        if (SqlErrors.databaseUnavailable(e)) {
            Log.warnf("database unavailable (%s, sqlstate %s)", e.getClass().getSimpleName(),
                    SqlErrors.sqlState(e).orElse("-"));
            ApiException busy = ApiException.retryAfter(CommonError.SERVICE_UNAVAILABLE, SharedState.RETRY_AFTER_SECONDS);
            return api(busy, headers);
        }
        return incident(e, CommonError.INTERNAL_ERROR, headers);
    }

    /**
     * A failure that is our fault. The log gets one ERROR line with a reference and the exception's
     * type, never its message or stack trace at that level: those can carry SQL text with the
     * values in it. The stack trace goes to DEBUG under the same reference, and the client gets
     * the reference as the problem's {@code instance}, to quote when reporting it.
     */
    private static Response incident(Throwable e, ErrorCode code, HttpHeaders headers) {
        String reference = UUID.randomUUID().toString();
        Log.error(incidentLine(e, code, reference));
        Log.debugf(e, "incident %s", reference);
        Problem problem = Problem.of(code, english(headers), null, null).withInstance("urn:tongxin:incident:" + reference);
        return Response.status(code.status()).type(Problem.MEDIA_TYPE + ";charset=utf-8").entity(problem).build();
    }

    static String incidentLine(Throwable e, ErrorCode code, String reference) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "incident " + reference + " code=" + code.name() + " type=" + e.getClass().getName()
                + (root != e ? " cause=" + root.getClass().getName() : "")
                + SqlErrors.sqlState(e).map(s -> " sqlstate=" + s).orElse("");
    }

    static Response.ResponseBuilder build(ErrorCode code, boolean english, String detail, List<Problem.Violation> violations) {
        return Response.status(code.status())
                .type(Problem.MEDIA_TYPE + ";charset=utf-8")
                .entity(Problem.of(code, english, detail, violations));
    }

    private static boolean english(HttpHeaders headers) {
        return headers != null && Language.prefersEnglish(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /**
     * {@code create.req.items[0].name} → {@code items[0].name}: the path the client sent. A
     * violation on a parameter itself names the parameter (a query or path parameter such as
     * {@code page}), or {@code body} when the parameter is the request body (one of our records).
     */
    private static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder out = new StringBuilder();
        String parameter = null;
        List<Class<?>> parameterTypes = List.of();
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> {
                    parameterTypes = node.as(Path.MethodNode.class).getParameterTypes();
                    continue;
                }
                case PARAMETER -> {
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    boolean body = index < parameterTypes.size()
                            && parameterTypes.get(index).getName().startsWith("org.tongxin.");
                    parameter = body ? "body" : node.getName();
                    continue;
                }
                case CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { continue; }
                default -> { }
            }
            if (node.getName() == null) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(node.getName());
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
        }
        return !out.isEmpty() ? out.toString() : parameter != null ? parameter : "body";
    }

    private static String jsonPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
