package org.tongxin.shift;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The fast gate in front of PostgreSQL for shift claims, shared by all replicas: one atomic Lua
 * script per claim checks the caller's community, the start, a second claim, the capacity and
 * overlaps with the caller's other shifts, and takes the slot. A full shift is refused in one
 * Redis round trip. Redis is a cache of the database here: missing state is rebuilt from it on
 * demand, and the database guard ({@link ClaimLedger}) decides whatever Redis says.
 *
 * <p>Keys: {@code tongxin:shift:<id>} (hash cap/start/end/community), {@code tongxin:shift:<id>:users}
 * (set of claimant user ids), {@code tongxin:vuser:<userId>} (hash shiftId → "start,end" of the
 * user's held shifts, plus {@code _loaded}). One Redis node (or a primary with replicas) is assumed:
 * the script touches a shift's and a user's keys together.
 */
@ApplicationScoped
public class ClaimGate {

    /** What the script answered. */
    public enum Outcome { OK, NO_SHIFT_STATE, NO_USER_STATE, FORBIDDEN, SHIFT_STARTED, ALREADY_CLAIMED, SHIFT_FULL, SHIFT_OVERLAP }

    /** KEYS: meta, users, user. ARGV: userId, shiftId, nowMillis, allowed communities ",a,b,". */
    private static final String TAKE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 'NO_SHIFT_STATE' end
            if redis.call('HEXISTS', KEYS[3], '_loaded') == 0 then return 'NO_USER_STATE' end
            local m = redis.call('HMGET', KEYS[1], 'cap', 'start', 'end', 'community')
            if not string.find(ARGV[4], ',' .. m[4] .. ',', 1, true) then return 'FORBIDDEN' end
            local now, s0, e0 = tonumber(ARGV[3]), tonumber(m[2]), tonumber(m[3])
            if now >= s0 then return 'SHIFT_STARTED' end
            if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 'ALREADY_CLAIMED' end
            if redis.call('SCARD', KEYS[2]) >= tonumber(m[1]) then return 'SHIFT_FULL' end
            local held = redis.call('HGETALL', KEYS[3])
            for i = 1, #held, 2 do
              if held[i] ~= '_loaded' then
                local s, e = string.match(held[i + 1], '(%d+),(%d+)')
                s, e = tonumber(s), tonumber(e)
                if e <= now then
                  redis.call('HDEL', KEYS[3], held[i])
                elseif s < e0 and s0 < e then
                  return 'SHIFT_OVERLAP'
                end
              end
            end
            redis.call('SADD', KEYS[2], ARGV[1])
            redis.call('HSET', KEYS[3], ARGV[2], m[2] .. ',' .. m[3])
            return 'OK'""";

    /** KEYS: users, user. ARGV: userId, shiftId. */
    private static final String RELEASE = """
            redis.call('SREM', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[2])
            return 1""";

    /** KEYS: meta, users. ARGV: cap, start, end, community, ttl ms, claimant user ids... Loads only if absent. */
    private static final String LOAD_SHIFT = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('DEL', KEYS[2])
            redis.call('HSET', KEYS[1], 'cap', ARGV[1], 'start', ARGV[2], 'end', ARGV[3], 'community', ARGV[4])
            for i = 6, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            redis.call('PEXPIRE', KEYS[2], ARGV[5])
            return 1""";

    /** KEYS: user. ARGV: ttl ms, then pairs shiftId, "start,end". Loads only if absent. */
    private static final String LOAD_USER = """
            if redis.call('HEXISTS', KEYS[1], '_loaded') == 1 then return 0 end
            redis.call('HSET', KEYS[1], '_loaded', '1')
            for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1""";

    /** A shift a user holds, as the database knows it: what rebuilding the user's state needs. */
    @RegisterForReflection
    public record Held(UUID shiftId, OffsetDateTime startsAt, OffsetDateTime endsAt) {}

    private static final long USER_TTL_MILLIS = 7L * 24 * 3600 * 1000;
    private static final long AFTER_END_TTL_MILLIS = 24L * 3600 * 1000;

    private final RedisDataSource redis;

    ClaimGate(RedisDataSource redis) {
        this.redis = redis;
    }

    public Outcome take(UUID shiftId, UUID userId, long nowMillis, Collection<UUID> allowedCommunities) {
        StringBuilder allowed = new StringBuilder(",");
        allowedCommunities.forEach(c -> allowed.append(c).append(','));
        String answer = redis.execute("EVAL", TAKE, "3", meta(shiftId), users(shiftId), user(userId),
                userId.toString(), shiftId.toString(), Long.toString(nowMillis), allowed.toString()).toString();
        return Outcome.valueOf(answer);
    }

    public void release(UUID shiftId, UUID userId) {
        redis.execute("EVAL", RELEASE, "2", users(shiftId), user(userId), userId.toString(), shiftId.toString());
    }

    public void loadShift(Shift shift, List<UUID> claimants, long nowMillis) {
        long end = shift.getEndsAt().toInstant().toEpochMilli();
        long ttl = Math.max(60_000, end - nowMillis + AFTER_END_TTL_MILLIS);
        List<String> args = new ArrayList<>(List.of("EVAL", LOAD_SHIFT, "2", meta(shift.getId()), users(shift.getId()),
                Integer.toString(shift.getCapacity()), Long.toString(shift.getStartsAt().toInstant().toEpochMilli()),
                Long.toString(end), shift.getCommunityId().toString(), Long.toString(ttl)));
        claimants.forEach(u -> args.add(u.toString()));
        redis.execute(args.get(0), args.subList(1, args.size()).toArray(String[]::new));
    }

    public void loadUser(UUID userId, List<Held> held) {
        List<String> args = new ArrayList<>(List.of(LOAD_USER, "1", user(userId), Long.toString(USER_TTL_MILLIS)));
        held.forEach(h -> {
            args.add(h.shiftId().toString());
            args.add(h.startsAt().toInstant().toEpochMilli() + "," + h.endsAt().toInstant().toEpochMilli());
        });
        redis.execute("EVAL", args.toArray(String[]::new));
    }

    /** Drops cached state so that the next claim rebuilds it from the database. */
    public void forget(UUID shiftId, UUID userId) {
        redis.key().del(meta(shiftId), users(shiftId), user(userId));
    }

    private static String meta(UUID shiftId) {
        return "tongxin:shift:" + shiftId;
    }

    private static String users(UUID shiftId) {
        return "tongxin:shift:" + shiftId + ":users";
    }

    private static String user(UUID userId) {
        return "tongxin:vuser:" + userId;
    }
}
