package org.tongxin.common;

import io.quarkus.logging.Log;
import java.util.function.Supplier;

/**
 * Calls to Redis, the state all replicas share (sessions, rate limits), made so that an outage
 * answers {@code 503 SERVICE_UNAVAILABLE} with {@code Retry-After} instead of a 500. The calls
 * recover by themselves when Redis is back: the client reconnects on the next call.
 */
public final class SharedState {

    /** What clients are told to wait before trying again. */
    static final long RETRY_AFTER_SECONDS = 5;

    private SharedState() {}

    public static <T> T call(String what, Supplier<T> redisCall) {
        try {
            return redisCall.get();
        } catch (ApiException refusal) {
            throw refusal;
        } catch (RuntimeException unreachable) {
            Log.warnf("shared state unavailable during %s (%s)", what, unreachable.getClass().getSimpleName());
            throw ApiException.retryAfter(CommonError.SERVICE_UNAVAILABLE, RETRY_AFTER_SECONDS);
        }
    }

    public static void run(String what, Runnable redisCall) {
        call(what, () -> {
            redisCall.run();
            return null;
        });
    }
}
