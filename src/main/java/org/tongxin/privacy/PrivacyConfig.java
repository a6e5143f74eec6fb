package org.tongxin.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Personal data (docs/privacy.md). */
@ConfigMapping(prefix = "tongxin.privacy")
public interface PrivacyConfig {

    /**
     * Copies of their own data (GET /api/me/data) one person may ask for in a minute; more answer
     * 429 RATE_LIMITED (TONGXIN_PRIVACY_COPIES_PER_MINUTE). A copy reads every feature's tables.
     */
    @WithDefault("5")
    int copiesPerMinute();
}
