package org.tongxin.shift;

import io.quarkus.redis.datasource.RedisDataSource;
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
 * demand, and the database guard ({@link ClaimDatabaseGuard}) decides whatever Redis says.
 *
 * <p>Keys: {@code tongxin:shift:<id>} (hash cap/start/end/community), {@code tongxin:shift:<id>:users}
 * (set of claimant user ids), {@code tongxin:shift:<id>:pending} (sorted set: slots taken but not
 * yet confirmed by the database, scored by when), {@code tongxin:vuser:<userId>} (hash shiftId →
 * "start,end" of the user's held shifts, plus {@code _loaded}), {@code tongxin:gate:full} (shifts
 * refused as full, for {@link GateReconciler}). All keys of a shift expire a day after it ends. One
 * Redis node (or a primary with replicas) is assumed: the scripts touch a shift's and users' keys
 * together.
 *
 * <p>The gate heals itself: a slot taken by a claim that never reached the database stays pending
 * and is reclaimed after {@link #STALE_MILLIS} when the shift looks full (inside the same script,
 * so a refusal still costs no database query); a slot left behind by a release that failed is
 * dropped by the reconciler, which compares full shifts with the database.
 */
@ApplicationScoped
public class RedisClaimGate {

    /** What the script answered. */
    public enum Outcome { OK, NO_SHIFT_STATE, NO_USER_STATE, FORBIDDEN, SHIFT_STARTED, ALREADY_CLAIMED, SHIFT_FULL, SHIFT_OVERLAP }

    /**
     * KEYS: meta, users, user, pending, full. ARGV: userId, shiftId, nowMillis, allowed communities
     * ",a,b,", stale ms, user key prefix. A taken slot stays "pending" until {@link #confirm} (after
     * the database committed); a full shift first reclaims pending slots older than stale ms (their
     * claim never reached the database) and, if still full, is noted for {@link #reconcile}.
     */
    private static final String TAKE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 'NO_SHIFT_STATE' end
            if redis.call('HEXISTS', KEYS[3], '_loaded') == 0 then return 'NO_USER_STATE' end
            local m = redis.call('HMGET', KEYS[1], 'cap', 'start', 'end', 'community')
            if not string.find(ARGV[4], ',' .. m[4] .. ',', 1, true) then return 'FORBIDDEN' end
            local now, s0, e0 = tonumber(ARGV[3]), tonumber(m[2]), tonumber(m[3])
            if now >= s0 then return 'SHIFT_STARTED' end
            if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 'ALREADY_CLAIMED' end
            if redis.call('SCARD', KEYS[2]) >= tonumber(m[1]) then
              for _, u in ipairs(redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[5]))) do
                redis.call('SREM', KEYS[2], u)
                redis.call('ZREM', KEYS[4], u)
                redis.call('HDEL', ARGV[6] .. u, ARGV[2])
              end
              if redis.call('SCARD', KEYS[2]) >= tonumber(m[1]) then
                redis.call('SADD', KEYS[5], ARGV[2])
                return 'SHIFT_FULL'
              end
            end
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
            redis.call('ZADD', KEYS[4], now, ARGV[1])
            redis.call('HSET', KEYS[3], ARGV[2], m[2] .. ',' .. m[3])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl > 0 then
              redis.call('PEXPIRE', KEYS[2], ttl)
              redis.call('PEXPIRE', KEYS[4], ttl)
            end
            return 'OK'""";

    /** KEYS: users, user, pending. ARGV: userId, shiftId. */
    private static final String RELEASE = """
            redis.call('SREM', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[2])
            redis.call('ZREM', KEYS[3], ARGV[1])
            return 1""";

    /**
     * KEYS: meta, users, pending. ARGV: nowMillis, stale ms, user key prefix, shiftId, then the
     * claimants the database has. The claimant set becomes the database's claimants plus the slots
     * still pending (younger than stale ms); whoever else was in it loses the shift from their state.
     */
    private static final String RECONCILE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local keep = {}
            for i = 5, #ARGV do keep[ARGV[i]] = true end
            for _, u in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], tonumber(ARGV[1]) - tonumber(ARGV[2]), '+inf')) do
              keep[u] = true
            end
            local removed = 0
            for _, u in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              if not keep[u] then
                redis.call('SREM', KEYS[2], u)
                redis.call('ZREM', KEYS[3], u)
                redis.call('HDEL', ARGV[3] .. u, ARGV[4])
                removed = removed + 1
              end
            end
            return removed""";

    /** KEYS: meta, users, pending. ARGV: cap, start, end, community, ttl ms, claimant user ids... Loads only if absent. */
    private static final String LOAD_SHIFT = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('DEL', KEYS[2], KEYS[3])
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
    public record Held(UUID shiftId, OffsetDateTime startsAt, OffsetDateTime endsAt) {}

    /**
     * A slot taken this long ago whose claim the database never confirmed is a phantom (a replica
     * crashed between the gate and the commit): it is reclaimed when the shift looks full.
     */
    static final long STALE_MILLIS = 60_000;
    private static final String USER_PREFIX = "tongxin:vuser:";
    /** Shifts the gate refused as full since the reconciler last looked. */
    private static final String FULL = "tongxin:gate:full";

    private static final long USER_TTL_MILLIS = 7L * 24 * 3600 * 1000;
    private static final long AFTER_END_TTL_MILLIS = 24L * 3600 * 1000;

    private final RedisDataSource redis;

    RedisClaimGate(RedisDataSource redis) {
        this.redis = redis;
    }

    public Outcome take(UUID shiftId, UUID userId, long nowMillis, Collection<UUID> allowedCommunities) {
        StringBuilder allowed = new StringBuilder(",");
        allowedCommunities.forEach(c -> allowed.append(c).append(','));
        String answer = redis.execute("EVAL", TAKE, "5", meta(shiftId), users(shiftId), user(userId), pending(shiftId), FULL,
                userId.toString(), shiftId.toString(), Long.toString(nowMillis), allowed.toString(),
                Long.toString(STALE_MILLIS), USER_PREFIX).toString();
        return Outcome.valueOf(answer);
    }

    /** The database committed the claim: its slot is no longer pending. */
    public void confirm(UUID shiftId, UUID userId) {
        redis.sortedSet(String.class).zrem(pending(shiftId), userId.toString());
    }

    public void release(UUID shiftId, UUID userId) {
        redis.execute("EVAL", RELEASE, "3", users(shiftId), user(userId), pending(shiftId), userId.toString(),
                shiftId.toString());
    }

    /** Shifts the gate found full since the last call (at most {@code max}), taken off the list. */
    public List<UUID> takeFullShifts(int max) {
        return redis.set(String.class).spop(FULL, max).stream().map(UUID::fromString).toList();
    }

    /** Makes the gate's claimants of a shift those of the database (plus claims still in flight); answers how many were dropped. */
    public long reconcile(UUID shiftId, List<UUID> claimants, long nowMillis) {
        List<String> args = new ArrayList<>(List.of(RECONCILE, "3", meta(shiftId), users(shiftId), pending(shiftId),
                Long.toString(nowMillis), Long.toString(STALE_MILLIS), USER_PREFIX, shiftId.toString()));
        claimants.forEach(u -> args.add(u.toString()));
        return redis.execute("EVAL", args.toArray(String[]::new)).toLong();
    }

    public void loadShift(Shift shift, List<UUID> claimants, long nowMillis) {
        long end = shift.getEndsAt().toInstant().toEpochMilli();
        long ttl = Math.max(60_000, end - nowMillis + AFTER_END_TTL_MILLIS);
        List<String> args = new ArrayList<>(List.of("EVAL", LOAD_SHIFT, "3", meta(shift.getId()), users(shift.getId()),
                pending(shift.getId()), Integer.toString(shift.getCapacity()),
                Long.toString(shift.getStartsAt().toInstant().toEpochMilli()),
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
        redis.key().del(meta(shiftId), users(shiftId), pending(shiftId), user(userId));
    }

    private static String pending(UUID shiftId) {
        return "tongxin:shift:" + shiftId + ":pending";
    }

    private static String meta(UUID shiftId) {
        return "tongxin:shift:" + shiftId;
    }

    private static String users(UUID shiftId) {
        return "tongxin:shift:" + shiftId + ":users";
    }

    private static String user(UUID userId) {
        return USER_PREFIX + userId;
    }
}
