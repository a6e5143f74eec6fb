package org.tongxin.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Browser protections on every console response (docs/console.md): a Content-Security-Policy that
 * allows scripts, styles and images from the service only (no inline script or style, no eval), no
 * framing, no referrer, no content sniffing; pages are not cached (they show personal data), the
 * versioned assets are (Quarkus's static-resource caching).
 */
@ApplicationScoped
public class ConsoleHeaders {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    void install(@Observes Router router) {
        router.route("/console*").order(Integer.MIN_VALUE + 2).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                var h = ctx.response().headers();
                h.set("Content-Security-Policy", CSP);
                h.set("X-Frame-Options", "DENY");
                h.set("Referrer-Policy", "no-referrer");
                h.set("X-Content-Type-Options", "nosniff");
                String type = h.get("Content-Type");
                if (type != null && type.startsWith("text/html")) {
                    h.set("Cache-Control", "no-store");
                }
            });
            ctx.next();
        });
    }
}
