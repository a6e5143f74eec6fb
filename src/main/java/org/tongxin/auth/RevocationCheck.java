package org.tongxin.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;

/**
 * The session check, once per request, in the security layer: every request that authenticates
 * with an access token is refused when its session was logged out or revoked, or its holder's roles
 * changed after it was issued (401), whatever the resource does with its caller afterwards, so no
 * endpoint can skip it by omission. An erased account's tokens are refused the same way. While
 * Redis cannot be asked, reads go on and writes follow {@code tongxin.auth.revocation-unavailable}
 * (503 by default).
 */
@ApplicationScoped
public class RevocationCheck implements SecurityIdentityAugmentor {

    private final SessionStore sessions;
    private final AuthConfig config;

    /** DELETE on it erases the caller's account (the privacy feature). */
    static final String ERASURE_PATH = "/api/me";

    RevocationCheck(SessionStore sessions, AuthConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                         Map<String, Object> attributes) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        String method = request != null ? request.request().method().name() : "GET";
        String path = request != null ? request.normalizedPath() : "";
        return context.runBlocking(() -> {
            check(token, method, path);
            return identity;
        });
    }

    private void check(JsonWebToken token, String method, String path) {
        String sid = token.getClaim(CurrentCaller.SESSION_CLAIM);
        if (sid == null || token.getSubject() == null) {
            throw new AuthenticationFailedException("not a session's access token");
        }
        switch (sessions.standing(sid, UUID.fromString(token.getSubject()), CurrentCaller.generatedAt(token))) {
            case STALE -> throw new AuthenticationFailedException("session ended or roles changed");
            // The one request an erased account's token still makes: its erasure again (a retry after
            // a lost answer), which finds nothing left to erase and answers 204 as the first did.
            case ERASED -> {
                if (!("DELETE".equals(method) && ERASURE_PATH.equals(path))) {
                    throw new AuthenticationFailedException("account erased");
                }
            }
            case UNKNOWN -> {
                if (!config.revocationUnavailable().lets(method)) {
                    throw ApiException.retryAfter(CommonError.SERVICE_UNAVAILABLE, 5);
                }
            }
            case USABLE -> { }
        }
    }
}
