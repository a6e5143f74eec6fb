package org.tongxin.notice;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * WeCom takes at most 20 messages a minute per robot, whichever replica sends them: one Redis
 * sorted set per robot holds the send times of the last minute, and one script checks and records
 * a send atomically (a sliding window: never more than the limit in any 60 s). Times come from the
 * service clock, so a test can move them.
 */
@ApplicationScoped
public class RobotRateGate {

    private static final String SCRIPT = """
            local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) < limit then
              redis.call('ZADD', KEYS[1], now, ARGV[4])
              redis.call('PEXPIRE', KEYS[1], window * 2)
              return 0
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now)
            """;
    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    private final RedisDataSource redis;

    RobotRateGate(RedisDataSource redis) {
        this.redis = redis;
    }

    /** Records a send to the robot at {@code nowMillis} and answers 0, or answers how many ms until one is allowed. */
    public long take(UUID robotId, UUID deliveryId, long nowMillis, int perMinute) {
        return redis.execute("EVAL", SCRIPT, "1", "tongxin:robot:" + robotId, Long.toString(nowMillis),
                Long.toString(WINDOW_MILLIS), Integer.toString(perMinute), deliveryId.toString()).toLong();
    }
}
