package org.tongxin.shift;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rules of checkpoint shifts. */
@ConfigMapping(prefix = "tongxin.shift")
public interface ShiftConfig {

    /** A claim can be cancelled until this long before the shift starts (TONGXIN_SHIFT_CANCEL_CUTOFF). */
    @WithDefault("PT2H")
    Duration cancelCutoff();

    /** Check-in opens this long before the shift starts (TONGXIN_SHIFT_CHECK_IN_EARLY). */
    @WithDefault("PT30M")
    Duration checkInEarly();

    /** A claimant not checked in this long after the start is reported as a no-show (TONGXIN_SHIFT_NO_SHOW_AFTER). */
    @WithDefault("PT15M")
    Duration noShowAfter();

    /** Whether claims pass the Redis gate first; off sends every claim to PostgreSQL alone (TONGXIN_SHIFT_REDIS_GATE). */
    @WithDefault("true")
    boolean redisGate();

    /**
     * How often the claim gate is compared with the database to free phantom slots; {@code off}
     * disables it (TONGXIN_SHIFT_GATE_RECONCILE_EVERY).
     */
    @WithDefault("30s")
    String gateReconcileEvery();

    /** When claimants are reminded of their shift, before its start (TONGXIN_SHIFT_REMIND_BEFORE, e.g. PT12H,PT1H). */
    @WithDefault("PT12H,PT1H")
    java.util.List<Duration> remindBefore();

    /** How often due reminders are looked for; {@code off} disables it (TONGXIN_SHIFT_REMINDERS_EVERY). */
    @WithDefault("1m")
    String remindersEvery();
}
