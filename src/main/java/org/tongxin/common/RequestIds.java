package org.tongxin.common;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request's id: the caller's {@code X-Request-Id} when it is a plain token (letters, digits,
 * {@code -_.}, 8 to 64 of them), else a new UUID; answered in the response's {@code X-Request-Id}
 * and written into audit records (docs/privacy.md), so a record leads to the request and back.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "tongxin.request-id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String asked = ctx.request().getHeader(HEADER);
            String id = asked != null && PLAIN.matcher(asked).matches() ? asked : UUID.randomUUID().toString();
            ctx.put(KEY, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
    }

    /** The id of the request being served on this thread; empty outside a request (a scheduled job). */
    public Optional<String> current() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        RoutingContext ctx = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return ctx == null ? Optional.empty() : Optional.ofNullable(ctx.get(KEY));
    }
}
