package org.tongxin.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies access tokens as smallrye-jwt does, once per token instead of once per request.
 *
 * <p>Checking an RS256 signature and parsing the claims took a fifth of the CPU of an order in
 * the window-opening benchmark (docs/performance.md), on the I/O threads. A resident's
 * mini-program sends the same token with every request for up to 15 minutes (catalogue, order,
 * my orders...), so the verified token is kept, keyed by its exact text, and handed out again
 * until its {@code exp}; a token that differs in any byte (another signature, tampered claims) is
 * another key and goes through full verification. Nothing that fails verification is kept. What
 * a cached token may do is unchanged: revocation and role changes are checked on every request
 * against Redis ({@link CurrentCaller}), and an expired token is never answered from here.
 *
 * <p>Bounded by {@code tongxin.auth.verified-token-cache-size}: when full, expired tokens go
 * first, then arbitrary ones (a token evicted is simply verified again).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, JWTCallerPrincipal> verified = new ConcurrentHashMap<>();
    private final int capacity;

    VerifiedTokens(AuthConfig config) {
        this.capacity = config.verifiedTokenCacheSize();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal known = verified.get(token);
        long nowSeconds = System.currentTimeMillis() / 1000;
        if (known != null && nowSeconds < known.getExpirationTime()) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        if (capacity > 0 && principal.getExpirationTime() > nowSeconds) {
            if (verified.size() >= capacity) {
                makeRoom(nowSeconds);
            }
            verified.put(token, principal);
        }
        return principal;
    }

    /** Drops expired tokens, then, if that freed too little, an eighth of the rest. */
    private void makeRoom(long nowSeconds) {
        verified.values().removeIf(p -> p.getExpirationTime() <= nowSeconds);
        if (verified.size() < capacity) {
            return;
        }
        int excess = verified.size() - capacity + Math.max(1, capacity / 8);
        for (Iterator<String> it = verified.keySet().iterator(); excess > 0 && it.hasNext(); excess--) {
            it.next();
            it.remove();
        }
    }

    /** Whether this exact token was verified and is kept (for tests). */
    boolean knows(String token) {
        return verified.containsKey(token);
    }
}
