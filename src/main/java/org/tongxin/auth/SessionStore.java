package org.tongxin.auth;

import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.tongxin.common.ApiException;
import org.tongxin.common.Hashing;

/**
 * Login sessions and their opaque refresh tokens, in Redis so every replica sees the same state.
 * Only SHA-256 hashes of refresh tokens are stored. Each refresh rotates the token inside one
 * Lua script; presenting a token that was already rotated away means it leaked (or was replayed),
 * so the whole session is revoked and its current token stops working too.
 */
@ApplicationScoped
public class SessionStore {

    private static final String TOKEN_KEY = "tongxin:rt:";
    private static final String SESSION_KEY = "tongxin:sess:";

    /** KEYS: session, token. ARGV: user, token hash, ttl ms. */
    private static final String CREATE = """
            redis.call('HSET', KEYS[1], 'user', ARGV[1], 'current', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[3])
            return 1""";

    /** KEYS: presented token. ARGV: presented hash, new hash, ttl ms, session prefix, token prefix. */
    private static final String ROTATE = """
            local sid = redis.call('GET', KEYS[1])
            if not sid then return {'INVALID'} end
            local skey = ARGV[4] .. sid
            local current = redis.call('HGET', skey, 'current')
            if not current then return {'INVALID'} end
            if current ~= ARGV[1] then
              redis.call('DEL', skey)
              return {'REUSED', sid}
            end
            redis.call('HSET', skey, 'current', ARGV[2])
            redis.call('PEXPIRE', skey, ARGV[3])
            redis.call('SET', ARGV[5] .. ARGV[2], sid, 'PX', ARGV[3])
            return {'OK', sid, redis.call('HGET', skey, 'user')}""";

    /** A live session after a successful create or rotation, with the plain token to hand out once. */
    public record Issued(String sessionId, UUID userId, String refreshToken) {}

    private final RedisDataSource redis;
    private final AuthConfig config;

    SessionStore(RedisDataSource redis, AuthConfig config) {
        this.redis = redis;
        this.config = config;
    }

    public Issued create(UUID userId) {
        String sid = UUID.randomUUID().toString();
        String token = Hashing.randomToken(32);
        String hash = Hashing.sha256Hex(token);
        redis.execute("EVAL", CREATE, "2", SESSION_KEY + sid, TOKEN_KEY + hash,
                userId.toString(), hash, ttlMillis(), sid);
        return new Issued(sid, userId, token);
    }

    /** Swaps a refresh token for a new one; 401 when unknown or expired, 401 and revocation on reuse. */
    public Issued rotate(String presented) {
        String hash = Hashing.sha256Hex(presented);
        String next = Hashing.randomToken(32);
        Response r = redis.execute("EVAL", ROTATE, "1", TOKEN_KEY + hash,
                hash, Hashing.sha256Hex(next), ttlMillis(), SESSION_KEY, TOKEN_KEY);
        String outcome = r.get(0).toString();
        return switch (outcome) {
            case "OK" -> new Issued(r.get(1).toString(), UUID.fromString(r.get(2).toString()), next);
            case "REUSED" -> throw new ApiException(AuthError.REFRESH_TOKEN_REUSED);
            default -> throw new ApiException(AuthError.REFRESH_TOKEN_INVALID);
        };
    }

    /** Ends a session: its refresh token, current or old, no longer works. */
    public void revoke(String sessionId) {
        redis.key().del(SESSION_KEY + sessionId);
    }

    private String ttlMillis() {
        return Long.toString(config.refreshTokenTtl().toMillis());
    }
}
