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

    /** Days a stand-down keeps the data when its declaration names none (TONGXIN_PRIVACY_RETAIN_DAYS). */
    @WithDefault("30")
    int retainDays();

    /** How often the purge job looks for stand-downs due; {@code off} disables it (TONGXIN_PRIVACY_PURGE_EVERY). */
    @WithDefault("1m")
    String purgeEvery();

    /** Rows one purge batch (one transaction) erases of one kind at most (TONGXIN_PRIVACY_PURGE_BATCH). */
    @WithDefault("1000")
    int purgeBatch();
}
