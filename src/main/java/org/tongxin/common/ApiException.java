package org.tongxin.common;

import java.util.List;
import java.util.Map;

/**
 * A refusal the client should see as problem+json with a stable code. Thrown from services;
 * carries no personal data (its message is the code, which is what gets logged).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, String> headers;
    private final List<FieldError> fields;

    /** A field at fault, with its message in both languages. */
    public record FieldError(String field, String zh, String en) {}

    public ApiException(ErrorCode code) {
        this(code, Map.of(), null);
    }

    private ApiException(ErrorCode code, Map<String, String> headers, List<FieldError> fields) {
        super(code.name(), null, false, false);
        this.code = code;
        this.headers = headers;
        this.fields = fields;
    }

    /**
     * 400 VALIDATION_FAILED naming one field, for a rule that needs configuration or the database
     * to check (an expiry beyond the configured maximum) and so cannot be an annotation.
     */
    public static ApiException invalid(String field, String zh, String en) {
        return new ApiException(CommonError.VALIDATION_FAILED, Map.of(), List.of(new FieldError(field, zh, en)));
    }

    /** The fields at fault, in the given language; null when the error is not about fields. */
    public List<Problem.Violation> violations(boolean english) {
        return fields == null ? null
                : fields.stream().map(f -> new Problem.Violation(f.field(), english ? f.en() : f.zh())).toList();
    }

    /** The same error telling the client when to try again (429, 503). */
    public static ApiException retryAfter(ErrorCode code, long seconds) {
        return new ApiException(code, Map.of("Retry-After", Long.toString(Math.max(1, seconds))), null);
    }

    public ErrorCode code() { return code; }

    public Map<String, String> headers() { return headers; }

    /** The text shown to the person holding the phone, in their language. */
    public String detail(boolean english) {
        return english ? code.en() : code.zh();
    }
}
