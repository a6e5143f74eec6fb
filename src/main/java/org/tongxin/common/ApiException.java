package org.tongxin.common;

import java.util.Map;

/**
 * A refusal the client should see as problem+json with a stable code. Thrown from services;
 * carries no personal data (its message is the code, which is what gets logged).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, String> headers;

    public ApiException(ErrorCode code) {
        this(code, Map.of());
    }

    private ApiException(ErrorCode code, Map<String, String> headers) {
        super(code.name(), null, false, false);
        this.code = code;
        this.headers = headers;
    }

    /** The same error telling the client when to try again (429, 503). */
    public static ApiException retryAfter(ErrorCode code, long seconds) {
        return new ApiException(code, Map.of("Retry-After", Long.toString(Math.max(1, seconds))));
    }

    public ErrorCode code() { return code; }

    public Map<String, String> headers() { return headers; }

    /** The text shown to the person holding the phone, in their language. */
    public String detail(boolean english) {
        return english ? code.en() : code.zh();
    }
}
