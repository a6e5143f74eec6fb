package org.tongxin.order;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

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
    @WithConverter(BucketCount.class)
    int stockBuckets();

    /**
     * 1-64, checked when the configuration is read, so that a bad value stops the start. Not with
     * {@code @Min}/{@code @Max}: one constrained mapping makes Quarkus bootstrap Hibernate Validator a
     * second time, for the configuration alone, on every start (0.15-0.35 s, docs/performance.md).
     */
    @RegisterForReflection
    final class BucketCount implements Converter<Integer> {
        static final int MAX = 64;

        @Override
        public Integer convert(String value) {
            int n = Integer.parseInt(value.strip());
            if (n < 1 || n > MAX) {
                throw new IllegalArgumentException("tongxin.order.stock-buckets must be 1-" + MAX + ", was " + n);
            }
            return n;
        }
    }
}
