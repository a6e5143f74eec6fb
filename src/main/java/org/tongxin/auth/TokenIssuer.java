package org.tongxin.auth;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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

    public String accessToken(UUID userId, String sessionId, List<Grant> grants) {
        Set<String> roles = Stream.concat(Stream.of(Role.RESIDENT), grants.stream().map(Grant::role))
                .map(Role::name).collect(Collectors.toSet());
        return Jwt.subject(userId.toString())
                .groups(roles)
                .claim(CurrentCaller.SESSION_CLAIM, sessionId)
                .claim(CurrentCaller.GENERATED_CLAIM, System.currentTimeMillis())
                .claim(CurrentCaller.GRANTS_CLAIM, grants.stream().map(Grant::encode).toList())
                .expiresIn(config.accessTokenTtl())
                .sign();
    }

    public long expiresInSeconds() {
        return config.accessTokenTtl().toSeconds();
    }
}
