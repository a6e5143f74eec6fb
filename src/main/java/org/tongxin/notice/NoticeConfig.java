package org.tongxin.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Delivery of notices. */
@ConfigMapping(prefix = "tongxin.notice")
public interface NoticeConfig {

    /** How often the relay looks for due deliveries; {@code off} stops it (TONGXIN_NOTICE_RELAY_EVERY). */
    @WithDefault("2s")
    String relayEvery();

    /** Deliveries one relay run takes at most (TONGXIN_NOTICE_RELAY_BATCH). */
    @WithDefault("100")
    int relayBatch();

    /** Robots one relay posts to at once (each robot's deliveries in order, one at a time) (TONGXIN_NOTICE_RELAY_PARALLELISM). */
    @WithDefault("16")
    int relayParallelism();

    /** How long a relay holds a delivery it is sending; past it, the delivery's outcome counts as unknown (TONGXIN_NOTICE_LEASE). */
    @WithDefault("PT1M")
    Duration lease();

    /** Attempts before a delivery that keeps failing for passing reasons ends as FAILED (TONGXIN_NOTICE_MAX_ATTEMPTS). */
    @WithDefault("8")
    int maxAttempts();

    /** Messages one group robot takes per rolling minute; WeCom allows 20 (TONGXIN_NOTICE_ROBOT_PER_MINUTE). */
    @WithDefault("20")
    int robotPerMinute();
}
