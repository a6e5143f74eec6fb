package org.tongxin.common;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fixed-window rate limits shared by all replicas: one atomic Redis script counts and sets the
 * window's expiry together, so a crash between the two can never leave a counter that never expires.
 */
@ApplicationScoped
public class RateLimiter {

    private static final String SCRIPT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {n, ttl}
            """;

    private final RedisDataSource redis;

    public RateLimiter(RedisDataSource redis) {
        this.redis = redis;
    }

    /**
     * Counts one hit of {@code bucket} and refuses with 429 RATE_LIMITED (with Retry-After) once
     * more than {@code limit} hits fall in the current window.
     */
    public void perMinute(String bucket, int limit) {
        acquire(bucket, limit, 60_000);
    }

    /** As {@link #perMinute}, with a window of the given length. */
    public void acquire(String bucket, int limit, long windowMillis) {
        acquire(bucket, limit, windowMillis, CommonError.RATE_LIMITED);
    }

    /** As {@link #acquire(String, int, long)}, refusing with a code of the feature's own (a 429). */
    public void acquire(String bucket, int limit, long windowMillis, ErrorCode refusal) {
        Response r = SharedState.call("rate limit", () ->
                redis.execute("EVAL", SCRIPT, "1", "tongxin:rl:" + bucket, Long.toString(windowMillis)));
        long count = r.get(0).toLong();
        long ttlMillis = r.get(1).toLong();
        if (count > limit) {
            throw ApiException.retryAfter(refusal, (ttlMillis + 999) / 1000);
        }
    }
}
