package org.tongxin.common;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a request that leaves an audit record (docs/privacy.md): the caller's
 * {@code X-Request-Id} when it is a plain token (letters, digits, {@code -_.}, 8 to 64 of them), else
 * a new UUID; answered in the response's {@code X-Request-Id} and written into the record, so a record
 * leads to the request and back. Made only when asked for, so that requests that record nothing
 * (an order, a claim) do no work for it.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "tongxin.request-id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    /** The id of the request being served on this thread; empty outside a request (a scheduled job). */
    public Optional<String> current() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        RoutingContext ctx = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        if (ctx == null) {
            return Optional.empty();
        }
        String id = ctx.get(KEY);
        if (id == null) {
            String asked = ctx.request().getHeader(HEADER);
            id = asked != null && PLAIN.matcher(asked).matches() ? asked : UUID.randomUUID().toString();
            ctx.put(KEY, id);
            if (!ctx.response().headWritten()) {
                ctx.response().putHeader(HEADER, id);
            }
        }
        return Optional.of(id);
    }
}
