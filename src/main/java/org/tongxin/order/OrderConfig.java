package org.tongxin.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rules of the supply flow. */
@ConfigMapping(prefix = "tongxin.order")
public interface OrderConfig {

    /** How long a batch rests in the storage zone after disinfection before release (TONGXIN_ORDER_REST_TIME). */
    @WithDefault("PT30M")
    Duration restTime();

    /** Pickup-code attempts per order per minute, so codes cannot be guessed (TONGXIN_ORDER_PICKUP_ATTEMPTS). */
    @WithDefault("5")
    int pickupAttempts();
}
