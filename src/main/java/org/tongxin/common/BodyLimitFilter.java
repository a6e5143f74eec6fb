package org.tongxin.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a declared oversized body with 413 problem+json before anything reads it. (Quarkus
 * would refuse it too, but with an empty body the mini-program cannot branch on.)
 */
@ApplicationScoped
public class BodyLimitFilter {

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            if (declared != null && exceeds(declared, max)) {
                boolean en = Language.prefersEnglish(ctx.request().getHeader("Accept-Language"));
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE + ";charset=utf-8")
                        .putHeader("Connection", "close")
                        .end(Json.encode(Problem.of(CommonError.PAYLOAD_TOO_LARGE, en, null, null)));
                return;
            }
            ctx.next();
        });
    }

    private static boolean exceeds(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
