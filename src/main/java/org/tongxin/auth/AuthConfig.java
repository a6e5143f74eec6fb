package org.tongxin.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Login, tokens and invitations. */
@ConfigMapping(prefix = "tongxin.auth")
public interface AuthConfig {

    /** Lifetime of an access token; at most 30 minutes (TONGXIN_AUTH_ACCESS_TOKEN_TTL). */
    @WithDefault("PT15M")
    Duration accessTokenTtl();

    /** Lifetime of a refresh token, renewed on each refresh (TONGXIN_AUTH_REFRESH_TOKEN_TTL). */
    @WithDefault("P30D")
    Duration refreshTokenTtl();

    /** One-time invitation code whose first acceptor becomes DISTRICT_ADMIN (TONGXIN_AUTH_BOOTSTRAP_ADMIN_CODE). */
    Optional<String> bootstrapAdminCode();

    /** Dev login: a code {@code dev-<name>} logs in as a fake user. Refused at startup in prod (TONGXIN_AUTH_DEV_LOGIN). */
    @WithDefault("false")
    boolean devLogin();

    /** wx-login attempts allowed per client address per minute (TONGXIN_AUTH_LOGIN_RATE_PER_MINUTE). */
    @WithDefault("20")
    int loginRatePerMinute();
}
