package org.tongxin.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Locale;

/** RFC 9457 problem details with our stable {@code code} and, for validation, the fields at fault. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, List<Violation> violations,
                      String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that failed validation. */
    public record Violation(String field, String message) {}

    public static Problem of(ErrorCode code, boolean english, String detail, List<Violation> violations) {
        String title = english ? code.en() : code.zh();
        return new Problem(typeOf(code), title, code.status(), detail != null ? detail : title, code.name(), violations,
                null);
    }

    /** The same problem naming this occurrence (RFC 9457 {@code instance}): a reference to quote. */
    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, code, violations, instance);
    }

    static String typeOf(ErrorCode code) {
        return "urn:tongxin:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
