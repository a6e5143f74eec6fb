package org.tongxin.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    /**
     * Rows each product's stock is split over in a new window unless the window says otherwise
     * (TONGXIN_ORDER_STOCK_BUCKETS, 1-64): orders of a burst take from different rows (docs/orders.md).
     */
    @WithDefault("32")
    @Min(1) @Max(64)
    int stockBuckets();
}
