package org.tongxin.care;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Care requests. */
@ConfigMapping(prefix = "tongxin.care")
public interface CareConfig {

    /** A P1 request nobody accepted this long after it got its priority is escalated (TONGXIN_CARE_P1_ACCEPT_WITHIN). */
    @WithDefault("PT15M")
    Duration p1AcceptWithin();

    /** The same for P2 (TONGXIN_CARE_P2_ACCEPT_WITHIN). */
    @WithDefault("PT2H")
    Duration p2AcceptWithin();

    /**
     * EMERGENCY requests one household may file in an hour (each tells every staff member of the
     * community at once); more answer 429 EMERGENCY_LIMIT (TONGXIN_CARE_EMERGENCIES_PER_HOUR).
     */
    @WithDefault("3")
    int emergenciesPerHour();

    /** How often overdue requests are looked for; {@code off} disables it (TONGXIN_CARE_ESCALATE_EVERY). */
    @WithDefault("1m")
    String escalateEvery();
}
