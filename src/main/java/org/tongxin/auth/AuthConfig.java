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

    /**
     * Access tokens whose signature was verified, kept so that the next request with the same token
     * is not verified again, until the token expires; 0 verifies every request
     * (TONGXIN_AUTH_VERIFIED_TOKEN_CACHE_SIZE). About 3 KB each.
     */
    @WithDefault("4096")
    int verifiedTokenCacheSize();

    /**
     * What a request that changes something (not GET, HEAD or OPTIONS) meets while the session
     * deny-list in Redis cannot be asked: {@code refuse} (503, a logged-out token cannot write) or
     * {@code accept} (as if no token were revoked). Reads are always accepted: a signed token lives
     * at most 30 minutes, and reads keep the district informed during an outage
     * (TONGXIN_AUTH_REVOCATION_UNAVAILABLE).
     */
    @WithDefault("refuse")
    RevocationUnavailable revocationUnavailable();

    /** See {@link #revocationUnavailable()}. */
    enum RevocationUnavailable {
        ACCEPT, REFUSE;

        /** Whether a request of this HTTP method goes on while revocation cannot be checked. */
        public boolean lets(String method) {
            return this == ACCEPT || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        }
    }

    /** One-time invitation code whose first acceptor becomes DISTRICT_ADMIN (TONGXIN_AUTH_BOOTSTRAP_ADMIN_CODE). */
    Optional<String> bootstrapAdminCode();

    /** Dev login: a code {@code dev-<name>} logs in as a fake user. Refused at startup in prod (TONGXIN_AUTH_DEV_LOGIN). */
    @WithDefault("false")
    boolean devLogin();

    /** The longest an invitation may stay valid (TONGXIN_AUTH_INVITATION_MAX_VALIDITY). */
    @WithDefault("P30D")
    Duration invitationMaxValidity();

    /** The most uses one invitation may have (TONGXIN_AUTH_INVITATION_MAX_USES). */
    @WithDefault("50")
    int invitationMaxUses();

    /** Rate limits, each per minute, counted in Redis across all replicas. */
    Limits limits();

    /** Per-minute limits on the calls that cost a WeChat API call or guess a secret. */
    interface Limits {

        /** wx-login attempts per client address (TONGXIN_AUTH_LIMITS_LOGIN_PER_ADDRESS). */
        @WithDefault("20")
        int loginPerAddress();

        /** Successful logins per person, whatever address or code they use (TONGXIN_AUTH_LIMITS_LOGIN_PER_USER). */
        @WithDefault("10")
        int loginPerUser();

        /** wx-login attempts in all, the ceiling that protects WeChat's quota (TONGXIN_AUTH_LIMITS_LOGIN_GLOBAL). */
        @WithDefault("6000")
        int loginGlobal();

        /** Token refreshes per client address (TONGXIN_AUTH_LIMITS_REFRESH_PER_ADDRESS). */
        @WithDefault("120")
        int refreshPerAddress();

        /** Refreshes of one refresh token (one session) (TONGXIN_AUTH_LIMITS_REFRESH_PER_TOKEN). */
        @WithDefault("10")
        int refreshPerToken();

        /** Phone-number bindings per user; each costs a WeChat call (TONGXIN_AUTH_LIMITS_PHONE_PER_USER). */
        @WithDefault("5")
        int phonePerUser();

        /** Phone-number bindings per client address (TONGXIN_AUTH_LIMITS_PHONE_PER_ADDRESS). */
        @WithDefault("30")
        int phonePerAddress();

        /** Invitation accepts per user (TONGXIN_AUTH_LIMITS_ACCEPT_PER_USER). */
        @WithDefault("10")
        int acceptPerUser();

        /** Invitation accepts per client address (TONGXIN_AUTH_LIMITS_ACCEPT_PER_ADDRESS). */
        @WithDefault("30")
        int acceptPerAddress();
    }
}
