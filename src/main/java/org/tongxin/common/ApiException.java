package org.tongxin.common;

import java.util.Map;

/**
 * A refusal the client should see as problem+json with a stable code. Thrown from services;
 * never carries personal data in its message (the message is logged, the detail is shown).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String detailZh;
    private final String detailEn;
    private final Map<String, String> headers;

    public ApiException(ErrorCode code) {
        this(code, null, null, Map.of());
    }

    public ApiException(ErrorCode code, String detailZh, String detailEn) {
        this(code, detailZh, detailEn, Map.of());
    }

    private ApiException(ErrorCode code, String detailZh, String detailEn, Map<String, String> headers) {
        super(code.name(), null, false, false);
        this.code = code;
        this.detailZh = detailZh;
        this.detailEn = detailEn;
        this.headers = headers;
    }

    /** The same error telling the client when to try again (429, 503). */
    public static ApiException retryAfter(ErrorCode code, long seconds) {
        return new ApiException(code, null, null, Map.of("Retry-After", Long.toString(Math.max(1, seconds))));
    }

    public ErrorCode code() { return code; }

    public Map<String, String> headers() { return headers; }

    /** The detail for the given language, or the title when there is no specific detail. */
    public String detail(boolean english) {
        String d = english ? detailEn : detailZh;
        return d != null ? d : (english ? code.en() : code.zh());
    }
}
