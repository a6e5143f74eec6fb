package org.tongxin.console;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Grant;
import org.tongxin.auth.Role;
import org.tongxin.auth.SessionStore;
import org.tongxin.common.ApiException;
import org.tongxin.common.Hashing;
import org.tongxin.common.SharedState;

/**
 * Console logins and sessions, in Redis so every replica sees them (docs/console.md).
 *
 * <p>A login begins with a nonce shown as a QR code, bound to the browser that asked for it (a
 * random secret in a cookie of its own; only its hash is stored). A staff member approves the nonce
 * from the mini-program with their access token; that browser alone then redeems it, once, for a
 * console session. Approving and redeeming are each one Lua script, so a nonce is approved once and
 * redeemed once however many phones and polls race.
 *
 * <p>A console session is stored under the hash of its cookie's token. It is tied to the
 * mini-program session that approved it: it ends when that session is logged out or revoked, and
 * when the person's roles change (the API's deny-list and role generation), after 30 minutes idle
 * and 12 hours after login. Each session carries its own CSRF token for the console's forms.
 */
@ApplicationScoped
public class ConsoleSessions {

    private static final String NONCE_KEY = "tongxin:console:nonce:";
    private static final String SESSION_KEY = "tongxin:console:sess:";
    /** What {@link #begin} makes: 18 random bytes, base64url. Anything else is no nonce of ours. */
    private static final java.util.regex.Pattern NONCE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{24}");

    /** KEYS: nonce. ARGV: user, login session, gen, grants. */
    private static final String APPROVE = """
            if redis.call('HGET', KEYS[1], 'state') ~= 'PENDING' then return 0 end
            redis.call('HSET', KEYS[1], 'state', 'APPROVED', 'user', ARGV[1], 'sid', ARGV[2], 'gen', ARGV[3], 'grants', ARGV[4])
            return 1""";

    /** KEYS: nonce. ARGV: hash of the browser's secret. Answers {state} or {'REDEEMED', user, sid, gen, grants}. */
    private static final String REDEEM = """
            local v = redis.call('HMGET', KEYS[1], 'state', 'binding', 'user', 'sid', 'gen', 'grants')
            if not v[1] then return {'GONE'} end
            if v[2] ~= ARGV[1] then return {'FOREIGN'} end
            if v[1] ~= 'APPROVED' then return {v[1]} end
            redis.call('DEL', KEYS[1])
            return {'REDEEMED', v[3], v[4], v[5], v[6] or ''}""";

    /** A login begun: the nonce the QR shows and the secret the browser keeps. */
    public record Login(String nonce, String browserSecret) {}

    /** What redeeming a nonce found: still waiting, gone (expired, used, or never), or a new session's cookie token. */
    public record Redeemed(boolean waiting, Optional<String> token) {}

    /** A live console session: who, with the grants read at its login, and the CSRF token of its forms. */
    public record Session(Caller caller, String csrfToken) {}

    private final RedisDataSource redis;
    private final SessionStore logins;
    private final AccountService accounts;
    private final ConsoleConfig config;
    private final Clock clock;

    ConsoleSessions(RedisDataSource redis, SessionStore logins, AccountService accounts, ConsoleConfig config, Clock clock) {
        this.redis = redis;
        this.logins = logins;
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
    }

    public Login begin() {
        Login login = new Login(Hashing.randomToken(18), Hashing.randomToken(32));
        SharedState.run("console login", () -> {
            redis.hash(String.class).hset(NONCE_KEY + login.nonce(), Map.of("state", "PENDING", "binding",
                    Hashing.sha256Hex(login.browserSecret())));
            redis.key().pexpire(NONCE_KEY + login.nonce(), config.nonceTtl().toMillis());
        });
        return login;
    }

    /** A staff member approves the login shown as {@code nonce}: 403 CONSOLE_STAFF_ONLY, 410 CONSOLE_NONCE_EXPIRED. */
    public void approve(Caller caller, String nonce) {
        if (caller.grants().stream().noneMatch(g -> g.role().atLeast(Role.GRID_WORKER))) {
            throw new ApiException(ConsoleError.CONSOLE_STAFF_ONLY);
        }
        if (!NONCE.matcher(nonce).matches()) {
            throw new ApiException(ConsoleError.CONSOLE_NONCE_EXPIRED);
        }
        long gen = clock.millis(); // stamped before the grants are read: a change after it ends the session
        List<Grant> grants = accounts.grantsOf(caller.userId());
        Response r = SharedState.call("console approve", () -> redis.execute("EVAL", APPROVE, "1", NONCE_KEY + nonce,
                caller.userId().toString(), caller.sessionId(), Long.toString(gen), encode(grants)));
        if (r.toInteger() != 1) {
            throw new ApiException(ConsoleError.CONSOLE_NONCE_EXPIRED);
        }
        Log.infof("console login approved user=%s session=%s", caller.userId(), caller.sessionId());
    }

    /** The browser holding {@code browserSecret} asks whether its nonce was approved; the first ask after approval gets the session. */
    public Redeemed redeem(String nonce, String browserSecret) {
        if (browserSecret == null || browserSecret.isEmpty() || !NONCE.matcher(nonce).matches()) {
            return new Redeemed(false, Optional.empty());
        }
        Response r = SharedState.call("console redeem", () -> redis.execute("EVAL", REDEEM, "1", NONCE_KEY + nonce,
                Hashing.sha256Hex(browserSecret)));
        return switch (r.get(0).toString()) {
            case "REDEEMED" -> new Redeemed(false, Optional.of(open(UUID.fromString(r.get(1).toString()), r.get(2).toString(),
                    Long.parseLong(r.get(3).toString()), r.get(4).toString())));
            case "PENDING" -> new Redeemed(true, Optional.empty());
            default -> new Redeemed(false, Optional.empty());
        };
    }

    /** Whether {@code browserSecret} is the secret of the browser that began the login {@code nonce} (a form of the login page is its own). */
    public boolean heldBy(String nonce, String browserSecret) {
        if (browserSecret == null || !NONCE.matcher(nonce).matches()) {
            return false;
        }
        String binding = SharedState.call("console login", () -> redis.hash(String.class).hget(NONCE_KEY + nonce, "binding"));
        return Hashing.sha256Hex(browserSecret).equals(binding);
    }

    /** A session for a caller the dev profile logged in by name (no QR); empty unless they hold a staff role. */
    public Optional<String> openDirectly(Caller caller) {
        if (caller.grants().stream().noneMatch(g -> g.role().atLeast(Role.GRID_WORKER))) {
            return Optional.empty();
        }
        long gen = clock.millis();
        return Optional.of(open(caller.userId(), caller.sessionId(), gen, encode(accounts.grantsOf(caller.userId()))));
    }

    /** The session of a cookie's token, if it still stands; each use restarts the idle timeout. */
    public Optional<Session> current(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String key = SESSION_KEY + Hashing.sha256Hex(token);
        Map<String, String> s = SharedState.call("console session", () -> redis.hash(String.class).hgetall(key));
        if (s.isEmpty() || clock.millis() - Long.parseLong(s.get("created")) > config.absoluteTimeout().toMillis()) {
            return Optional.empty();
        }
        UUID user = UUID.fromString(s.get("user"));
        String sid = s.get("sid");
        SessionStore.Standing standing = logins.standing(sid, user, Long.parseLong(s.get("gen")));
        if (standing == SessionStore.Standing.STALE || standing == SessionStore.Standing.ERASED
                || logins.live(sid) == SessionStore.Standing.STALE) {
            end(token);
            return Optional.empty();
        }
        SharedState.run("console session", () -> redis.key().pexpire(key, config.idleTimeout().toMillis()));
        List<Grant> grants = s.get("grants").isEmpty() ? List.of()
                : Arrays.stream(s.get("grants").split(";")).map(Grant::decode).toList();
        return Optional.of(new Session(new Caller(user, sid, grants), s.get("csrf")));
    }

    /** Ends the session of a cookie's token (logout); nothing happens for an unknown one. */
    public void end(String token) {
        if (token != null && !token.isEmpty()) {
            SharedState.run("console logout", () -> redis.key().del(SESSION_KEY + Hashing.sha256Hex(token)));
        }
    }

    private String open(UUID user, String sid, long gen, String grants) {
        String token = Hashing.randomToken(32);
        String key = SESSION_KEY + Hashing.sha256Hex(token);
        SharedState.run("console session", () -> {
            redis.hash(String.class).hset(key, Map.of("user", user.toString(), "sid", sid, "gen", Long.toString(gen),
                    "grants", grants, "created", Long.toString(clock.millis()), "csrf", Hashing.randomToken(24)));
            redis.key().pexpire(key, config.idleTimeout().toMillis());
        });
        Log.infof("console session opened user=%s session=%s", user, sid);
        return token;
    }

    private static String encode(List<Grant> grants) {
        return grants.stream().map(Grant::encode).collect(Collectors.joining(";"));
    }
}
