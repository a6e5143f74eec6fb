package org.tongxin.auth;

import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;

/** The caller of the current request, read once from the verified access token. */
@RequestScoped
public class CurrentCaller {

    /** Claim that carries the encoded {@link Grant}s. */
    static final String GRANTS_CLAIM = "grants";
    /** Claim that carries the login session id (the refresh-token family). */
    static final String SESSION_CLAIM = "sid";
    /** Claim that carries when the token was issued, in milliseconds (iat has seconds only). */
    static final String GENERATED_CLAIM = "gen";

    @Inject
    JsonWebToken jwt;

    @Inject
    SessionStore sessions;

    @Inject
    AuthConfig config;

    @Inject
    HttpServerRequest request;

    private Caller caller;

    /**
     * The caller; 401 when the request carries no valid access token, or one of a session that
     * was logged out or revoked (checked against the deny-list once per request). While the
     * deny-list cannot be asked, reads go on and writes follow {@code tongxin.auth.revocation-unavailable}
     * (503 by default).
     */
    public Caller get() {
        if (caller == null) {
            if (jwt == null || jwt.getSubject() == null) {
                throw new UnauthorizedException();
            }
            String sid = jwt.getClaim(SESSION_CLAIM);
            UUID userId = UUID.fromString(jwt.getSubject());
            if (sid == null) {
                throw new UnauthorizedException();
            }
            switch (sessions.standing(sid, userId, generatedAt())) {
                case STALE -> throw new UnauthorizedException();
                case UNKNOWN -> {
                    if (!config.revocationUnavailable().lets(request.method().name())) {
                        throw ApiException.retryAfter(CommonError.SERVICE_UNAVAILABLE, 5);
                    }
                }
                case USABLE -> { }
            }
            caller = new Caller(userId, sid, grants());
        }
        return caller;
    }

    private long generatedAt() {
        Object raw = jwt.getClaim(GENERATED_CLAIM);
        if (raw instanceof Number n) {
            return n.longValue();
        }
        if (raw instanceof jakarta.json.JsonNumber n) {
            return n.longValue();
        }
        return jwt.getIssuedAtTime() * 1000;
    }

    private List<Grant> grants() {
        Object raw = jwt.getClaim(GRANTS_CLAIM);
        if (!(raw instanceof Collection<?> values)) {
            return List.of();
        }
        return values.stream().map(v -> Grant.decode(unquote(v.toString()))).toList();
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
