package org.tongxin.wechat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import io.quarkus.redis.datasource.value.ValueCommands;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.redis.WxRedisOps;

/**
 * WxJava's token store on our Redis: every replica reads the same WeChat access token, and a
 * Redis lock makes sure only one of them fetches a new one, so replicas never invalidate each
 * other's tokens.
 */
class RedisWxOps implements WxRedisOps {

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;

    RedisWxOps(RedisDataSource redis) {
        this.redis = redis;
        this.values = redis.value(String.class);
    }

    @Override
    public String getValue(String key) {
        return values.get(key);
    }

    @Override
    public void setValue(String key, String value, int expire, TimeUnit unit) {
        if (expire > 0) {
            values.psetex(key, unit.toMillis(expire), value);
        } else {
            values.set(key, value);
        }
    }

    @Override
    public Long getExpire(String key) {
        try {
            return redis.key().ttl(key);
        } catch (RedisKeyNotFoundException missing) {
            return -2L; // Redis's own answer for a missing key: WxJava then fetches a new token
        }
    }

    @Override
    public void expire(String key, int expire, TimeUnit unit) {
        redis.key().pexpire(key, unit.toMillis(expire));
    }

    @Override
    public Lock getLock(String key) {
        return new RedisLock(key);
    }

    /** A lease lock: SET NX PX to take it, a compare-and-delete script to give it back. */
    private final class RedisLock implements Lock {

        private static final long LEASE_MILLIS = 10_000;
        private static final String RELEASE = """
                if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
                return 0""";

        private final String key;
        private final String owner = UUID.randomUUID().toString();

        RedisLock(String key) {
            this.key = key;
        }

        @Override
        public boolean tryLock() {
            var reply = redis.execute("SET", key, owner, "NX", "PX", Long.toString(LEASE_MILLIS));
            return reply != null && "OK".equals(reply.toString());
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(time);
            while (!tryLock()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        }

        @Override
        public void lock() {
            try {
                lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + key, e);
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            while (!tryLock(LEASE_MILLIS, TimeUnit.MILLISECONDS)) {
                // keep waiting: the holder's lease expires on its own if it died
            }
        }

        @Override
        public void unlock() {
            redis.execute("EVAL", RELEASE, "1", key, owner);
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException();
        }
    }
}
