package org.tongxin.order;

import static org.junit.jupiter.api.Assertions.*;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The order settings as SmallRye Config reads them at start-up, without booting the service. */
@Tag("fast")
class OrderConfigTest {

    private static SmallRyeConfig read(String buckets) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(OrderConfig.class);
        if (buckets != null) {
            builder.withDefaultValue("tongxin.order.stock-buckets", buckets);
        }
        return builder.build();
    }

    @Test
    void stockBucketsDefaultTo32AndTakeOneToSixtyFour() {
        assertEquals(32, read(null).getConfigMapping(OrderConfig.class).stockBuckets());
        assertEquals(1, read("1").getConfigMapping(OrderConfig.class).stockBuckets());
        assertEquals(64, read(" 64 ").getConfigMapping(OrderConfig.class).stockBuckets());
    }

    @Test
    void stockBucketsOutsideOneToSixtyFourStopTheStart() {
        for (String bad : new String[] {"0", "-3", "65", "many"}) {
            Exception e = assertThrows(RuntimeException.class, () -> read(bad), bad);
            String all = e + " " + (e.getCause() == null ? "" : e.getCause());
            assertTrue(all.contains("tongxin.order.stock-buckets"), bad + ": " + all);
        }
    }
}
