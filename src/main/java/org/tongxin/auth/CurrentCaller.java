package org.tongxin.auth;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

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

    private Caller caller;

    /**
     * The caller; 401 when the request carries no valid access token. Whether its session still
     * stands was checked when the request authenticated ({@link RevocationCheck}), for every request.
     */
    public Caller get() {
        if (caller == null) {
            if (jwt == null || jwt.getSubject() == null || jwt.getClaim(SESSION_CLAIM) == null) {
                throw new UnauthorizedException();
            }
            caller = new Caller(UUID.fromString(jwt.getSubject()), jwt.getClaim(SESSION_CLAIM), grants());
        }
        return caller;
    }

    /** When the token was issued, in milliseconds ({@code gen}; {@code iat} for tokens without it). */
    static long generatedAt(JsonWebToken token) {
        Object raw = token.getClaim(GENERATED_CLAIM);
        if (raw instanceof Number n) {
            return n.longValue();
        }
        if (raw instanceof jakarta.json.JsonNumber n) {
            return n.longValue();
        }
        return token.getIssuedAtTime() * 1000;
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
