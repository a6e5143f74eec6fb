package org.tongxin.common;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every path and query parameter of an {@code /api} request, before any is converted: a control
 * character (a NUL would reach PostgreSQL, which refuses it as data) or an empty value (an empty
 * {@code ?date=} is not an absent date) answers 400 VALIDATION_FAILED naming the parameter. Once
 * here, instead of a check per parameter each resource would have to remember.
 */
public class ParameterFilter {

    @ServerRequestFilter
    public void check(UriInfo uri) {
        refuseBad(uri.getPathParameters(true));
        refuseBad(uri.getQueryParameters(true));
    }

    private static void refuseBad(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                if (value.isEmpty()) {
                    throw ApiException.invalid(p.getKey(), "参数不能为空；不需要时请省略", "must not be empty; leave it out instead");
                }
                if (value.codePoints().anyMatch(Character::isISOControl)) {
                    throw ApiException.invalid(p.getKey(), "参数不能含控制字符", "must not contain control characters");
                }
            }
        }
    }
}
