package org.tongxin.auth;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.tongxin.common.ApiException;
import org.tongxin.common.Hashing;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SealedColumn;
import org.tongxin.common.SharedState;

/**
 * Login sessions and their opaque refresh tokens, in Redis so every replica sees the same state.
 * Only SHA-256 hashes of refresh tokens are stored. Each refresh rotates the token inside one
 * Lua script; presenting a token that was already rotated away means it leaked (or was replayed),
 * so the whole session is revoked and its current token stops working too.
 *
 * <p>Two parallel refreshes of one token (a phone retrying on a flaky network) are not a leak:
 * for {@link #GRACE_MILLIS} after a rotation the previous token answers the same new token
 * (kept that long, encrypted). A revoked session's id goes on a deny-list for as long as an
 * access token can live, so logout and reuse detection end access tokens at once, not at expiry.
 */
@ApplicationScoped
public class SessionStore {

    /** How long the previous refresh token answers the same new one. */
    static final long GRACE_MILLIS = 10_000;

    private static final String TOKEN_KEY = "tongxin:rt:";
    private static final String GRACE_KEY = "tongxin:rtg:";
    private static final String SESSION_KEY = "tongxin:sess:";
    private static final String REVOKED_KEY = "tongxin:revoked:";
    private static final String GRANTS_KEY = "tongxin:grants-changed:";
    private static final String ERASED_KEY = "tongxin:erased:";

    /** KEYS: session, token. ARGV: user, token hash, ttl ms, sid. */
    private static final String CREATE = """
            redis.call('HSET', KEYS[1], 'user', ARGV[1], 'current', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[3])
            return 1""";

    /**
     * KEYS: presented token, its grace key. ARGV: presented hash, new hash, ttl ms, session prefix,
     * token prefix, grace ms, sealed new token, revoked prefix, access ttl ms.
     */
    private static final String ROTATE = """
            local sid = redis.call('GET', KEYS[1])
            if not sid then return {'INVALID'} end
            local skey = ARGV[4] .. sid
            local current = redis.call('HGET', skey, 'current')
            if not current then return {'INVALID'} end
            if current ~= ARGV[1] then
              local grace = redis.call('GET', KEYS[2])
              if grace then return {'GRACE', sid, redis.call('HGET', skey, 'user'), grace} end
              redis.call('DEL', skey)
              redis.call('SET', ARGV[8] .. sid, '1', 'PX', ARGV[9])
              return {'REUSED', sid}
            end
            redis.call('HSET', skey, 'current', ARGV[2])
            redis.call('PEXPIRE', skey, ARGV[3])
            redis.call('SET', ARGV[5] .. ARGV[2], sid, 'PX', ARGV[3])
            redis.call('SET', KEYS[2], ARGV[7], 'PX', ARGV[6])
            return {'OK', sid, redis.call('HGET', skey, 'user')}""";

    /** A live session after a successful create or rotation, with the plain token to hand out once. */
    public record Issued(String sessionId, UUID userId, String refreshToken) {}

    private final RedisDataSource redis;
    private final AuthConfig config;
    private final PiiCipher cipher;

    SessionStore(RedisDataSource redis, AuthConfig config, PiiCipher cipher) {
        this.redis = redis;
        this.config = config;
        this.cipher = cipher;
    }

    public Issued create(UUID userId) {
        String sid = UUID.randomUUID().toString();
        String token = Hashing.randomToken(32);
        String hash = Hashing.sha256Hex(token);
        SharedState.run("session create", () -> redis.execute("EVAL", CREATE, "2", SESSION_KEY + sid, TOKEN_KEY + hash,
                userId.toString(), hash, ttlMillis(), sid));
        return new Issued(sid, userId, token);
    }

    /** Swaps a refresh token for a new one; 401 when unknown or expired, 401 and revocation on reuse. */
    public Issued rotate(String presented) {
        String hash = Hashing.sha256Hex(presented);
        String next = Hashing.randomToken(32);
        UUID graceId = UUID.nameUUIDFromBytes(hash.getBytes(StandardCharsets.US_ASCII));
        String sealed = Base64.getEncoder().encodeToString(cipher.seal(SealedColumn.SESSION_GRACE_TOKEN, graceId, next));
        Response r = SharedState.call("session refresh", () -> redis.execute("EVAL", ROTATE, "2", TOKEN_KEY + hash,
                GRACE_KEY + hash, hash, Hashing.sha256Hex(next), ttlMillis(), SESSION_KEY, TOKEN_KEY,
                Long.toString(GRACE_MILLIS), sealed, REVOKED_KEY, accessTtlMillis()));
        String outcome = r.get(0).toString();
        return switch (outcome) {
            case "OK" -> new Issued(r.get(1).toString(), UUID.fromString(r.get(2).toString()), next);
            case "GRACE" -> new Issued(r.get(1).toString(), UUID.fromString(r.get(2).toString()),
                    cipher.open(SealedColumn.SESSION_GRACE_TOKEN, graceId,
                            Base64.getDecoder().decode(r.get(3).toString().getBytes(StandardCharsets.US_ASCII))));
            case "REUSED" -> throw new ApiException(AuthError.REFRESH_TOKEN_REUSED);
            default -> throw new ApiException(AuthError.REFRESH_TOKEN_INVALID);
        };
    }

    /** Ends a session: its refresh token, current or old, no longer works, nor do its access tokens. */
    public void revoke(String sessionId) {
        SharedState.run("session revoke", () -> {
            redis.key().del(SESSION_KEY + sessionId);
            redis.value(String.class).psetex(REVOKED_KEY + sessionId, config.accessTokenTtl().toMillis(), "1");
        });
    }

    /** Access tokens of this person issued until now carry roles they no longer hold. */
    public void grantsChanged(UUID userId) {
        try {
            redis.value(String.class).psetex(GRANTS_KEY + userId, config.accessTokenTtl().toMillis(),
                    Long.toString(System.currentTimeMillis()));
        } catch (RuntimeException unreachable) {
            Log.warnf("could not mark tokens stale user=%s (%s); the role goes at the token's expiry", userId,
                    unreachable.getClass().getSimpleName());
        }
    }

    /**
     * The person erased their account (DELETE /api/me): none of their access tokens works any more,
     * at once (their refresh tokens fail too, on the erased account). Kept as long as an access token lives.
     */
    public void erased(UUID userId) {
        try {
            redis.value(String.class).psetex(ERASED_KEY + userId, config.accessTokenTtl().toMillis(), "1");
        } catch (RuntimeException unreachable) {
            Log.warnf("could not end the tokens of erased user=%s (%s); they end at their expiry", userId,
                    unreachable.getClass().getSimpleName());
        }
    }

    /** What the deny-list says of an access token; {@code ERASED}: its holder erased their account. */
    public enum Standing { USABLE, STALE, ERASED, UNKNOWN }

    /**
     * Whether an access token can no longer be used: its holder erased their account, its session
     * was revoked, or its holder's roles changed after it was issued ({@code issuedAtMillis}, the
     * token's {@code gen} claim).
     * One round trip; {@code UNKNOWN} when Redis cannot be asked (the caller decides, by
     * {@code tongxin.auth.revocation-unavailable}).
     */
    public Standing standing(String sessionId, UUID userId, long issuedAtMillis) {
        try {
            var values = redis.value(String.class).mget(REVOKED_KEY + sessionId, GRANTS_KEY + userId, ERASED_KEY + userId);
            String changedAt = values.get(GRANTS_KEY + userId);
            if (values.get(ERASED_KEY + userId) != null) {
                return Standing.ERASED;
            }
            return values.get(REVOKED_KEY + sessionId) != null
                    || (changedAt != null && Long.parseLong(changedAt) >= issuedAtMillis) ? Standing.STALE : Standing.USABLE;
        } catch (RuntimeException unreachable) {
            Log.warnf("session deny-list unavailable (%s)", unreachable.getClass().getSimpleName());
            return Standing.UNKNOWN;
        }
    }

    /**
     * Whether a login session still stands: not logged out or revoked (its hash is deleted then) and
     * not expired. The console ties its own sessions to the mini-program session that approved them.
     */
    public Standing live(String sessionId) {
        try {
            return redis.key().exists(SESSION_KEY + sessionId) ? Standing.USABLE : Standing.STALE;
        } catch (RuntimeException unreachable) {
            Log.warnf("session store unavailable (%s)", unreachable.getClass().getSimpleName());
            return Standing.UNKNOWN;
        }
    }

    private String ttlMillis() {
        return Long.toString(config.refreshTokenTtl().toMillis());
    }

    private String accessTtlMillis() {
        return Long.toString(config.accessTokenTtl().toMillis());
    }
}
