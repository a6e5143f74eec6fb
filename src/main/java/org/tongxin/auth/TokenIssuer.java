package org.tongxin.auth;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Signs short-lived access tokens (JWT, RS256 through SmallRye JWT). They carry the user id, the
 * session id and the grants as of issue, so a request needs no database to know who may do what.
 */
@ApplicationScoped
public class TokenIssuer {

    private final AuthConfig config;

    TokenIssuer(AuthConfig config) {
        this.config = config;
    }

    /**
     * A token with the grants as {@code grantsNow} reads them. Its {@code gen} claim is stamped
     * before they are read: a revocation that commits while they are read marks the person's tokens
     * stale at a moment after that stamp, so the token, which may carry the role just revoked, is
     * refused ({@link SessionStore#standing}); stamped after the read, it would outlive the mark.
     */
    public String accessToken(UUID userId, String sessionId, Supplier<List<Grant>> grantsNow) {
        long generatedAt = System.currentTimeMillis();
        List<Grant> grants = grantsNow.get();
        Set<String> roles = Stream.concat(Stream.of(Role.RESIDENT), grants.stream().map(Grant::role))
                .map(Role::name).collect(Collectors.toSet());
        return Jwt.subject(userId.toString())
                .groups(roles)
                .claim(CurrentCaller.SESSION_CLAIM, sessionId)
                .claim(CurrentCaller.GENERATED_CLAIM, generatedAt)
                .claim(CurrentCaller.GRANTS_CLAIM, grants.stream().map(Grant::encode).toList())
                .expiresIn(config.accessTokenTtl())
                .sign();
    }

    public long expiresInSeconds() {
        return config.accessTokenTtl().toSeconds();
    }
}
