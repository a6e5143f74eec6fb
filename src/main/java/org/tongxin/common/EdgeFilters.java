package org.tongxin.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refusals that happen before a request reaches any resource, answered as problem+json like every
 * other error (the HTTP layer would otherwise answer them with an empty body the mini-program
 * cannot branch on):
 *
 * <ul>
 *   <li>a request target that is not a valid URI ({@code {}, |}, a bad {@code %} escape) →
 *       400 {@code MALFORMED_URI}. Quarkus's own check, which answers a bare 400, is switched off
 *       by {@link Main} ({@code vertx.disableURIValidation}) so that this one answers instead;</li>
 *   <li>a body over {@code quarkus.http.limits.max-body-size} → 413 {@code PAYLOAD_TOO_LARGE}: a
 *       declared one before anything reads it, a chunked one as soon as it passes the limit;</li>
 *   <li>a body to {@code /api} that is not JSON (a form, multipart, text) → 415
 *       {@code UNSUPPORTED_MEDIA_TYPE}, before anything parses it: a malformed form body once made
 *       the HTTP layer answer a text 500 page and log a stack trace per request;</li>
 *   <li>{@code OPTIONS} on an {@code /api} route → 204 with {@code Allow} naming the methods the
 *       route has ({@link ApiRoutes}); on no route → 404.</li>
 * </ul>
 * Bodies of {@code /api} requests are read here, whole, before the REST layer sees them.
 */
@ApplicationScoped
public class EdgeFilters {

    /** Where Quarkus's request metrics look for a request's route template (Vert.x context local). */
    static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";
    /** The {@code uri} tag of every request refused here (the metrics show it as {@code /UNMATCHED}). */
    static final String UNMATCHED = "UNMATCHED";

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ApiRoutes routes) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (!validUri(ctx.request().uri())) {
                refuse(ctx, CommonError.MALFORMED_URI);
                return;
            }
            if (ctx.request().path().startsWith("/api/") && (chunked(ctx) || declaresBody(ctx))
                    && !json(ctx.request().getHeader("Content-Type"))) {
                refuse(ctx, CommonError.UNSUPPORTED_MEDIA_TYPE);
                return;
            }
            String declared = ctx.request().getHeader("Content-Length");
            if (declared != null && exceeds(declared, max)) {
                ctx.response().putHeader("Connection", "close");
                refuse(ctx, CommonError.PAYLOAD_TOO_LARGE);
                return;
            }
            ctx.next();
        });
        // Every body is read here, on the I/O thread, before the request reaches its resource: the
        // REST layer then parses it from memory on the worker thread. Left to the REST layer, a
        // blocking method reads its body through a stream the I/O thread fills chunk by chunk, one
        // hand-over between the two threads per chunk (18 % of the CPU of the order benchmark).
        // A body without a declared length (chunked) is counted as it arrives; past the limit the
        // failure below answers, instead of the HTTP layer's bare 413.
        BodyHandler counting = BodyHandler.create(false).setBodyLimit(max);
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (chunked(ctx) || declaresBody(ctx)) {
                counting.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route("/api/*").order(Integer.MIN_VALUE + 2).handler(ctx -> {
            if (chunked(ctx) && ctx.getBody() == null) {
                ctx.setBody(Buffer.buffer()); // an empty chunked body: the REST layer must not wait for more
            }
            ctx.next();
        });
        // OPTIONS names the methods the route really has (RFC 9110 § 9.3.7); an unknown route is a 404.
        router.route("/api/*").method(HttpMethod.OPTIONS).order(Integer.MIN_VALUE + 3).handler(ctx -> {
            var route = routes.at(ctx.request().path());
            if (route.isEmpty()) {
                refuse(ctx, CommonError.NOT_FOUND);
                return;
            }
            metricsTemplate(ctx, route.get().template());
            ctx.response().setStatusCode(204).putHeader("Allow", route.get().allow()).end();
        });
        router.route("/api/*").order(Integer.MIN_VALUE + 1).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                ctx.response().putHeader("Connection", "close");
                refuse(ctx, CommonError.PAYLOAD_TOO_LARGE);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean chunked(RoutingContext ctx) {
        String encoding = ctx.request().getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static boolean declaresBody(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        return declared != null && !declared.isBlank() && !"0".equals(declared.trim());
    }

    /** {@code application/json} or a {@code +json} type, with any parameters: the only bodies /api reads. */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    static boolean validUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void metricsTemplate(RoutingContext ctx, String template) {
        if (ctx.request() instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(METRICS_URI_TEMPLATE, template);
        }
    }

    private static void refuse(RoutingContext ctx, ErrorCode code) {
        // Refused before routing, so no route template is known: the request metrics would tag it
        // with its raw path, and hostile paths would fill the tag cap. One tag for all of them.
        metricsTemplate(ctx, UNMATCHED);
        boolean en = Language.prefersEnglish(ctx.request().getHeader("Accept-Language"));
        ctx.response().setStatusCode(code.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE + ";charset=utf-8")
                .end(Json.encode(Problem.of(code, en, null, null)));
    }

    private static boolean exceeds(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
