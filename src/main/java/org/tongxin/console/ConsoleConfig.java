package org.tongxin.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The staff console (docs/console.md). */
@ConfigMapping(prefix = "tongxin.console")
public interface ConsoleConfig {

    /** How long a login QR's nonce may be approved and redeemed; single use (TONGXIN_CONSOLE_NONCE_TTL). */
    @WithDefault("PT2M")
    Duration nonceTtl();

    /** A console session ends after this long without a request (TONGXIN_CONSOLE_IDLE_TIMEOUT). */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** A console session ends this long after its login, however busy (TONGXIN_CONSOLE_ABSOLUTE_TIMEOUT). */
    @WithDefault("PT12H")
    Duration absoluteTimeout();

    /** The session cookie is {@code Secure} (HTTPS only); off only in the dev and test profiles (TONGXIN_CONSOLE_SECURE_COOKIE). */
    @WithDefault("true")
    boolean secureCookie();
}
