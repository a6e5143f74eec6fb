package org.tongxin.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** The zone business days are computed in (ordering windows, shift dates). */
@ConfigMapping(prefix = "tongxin.time")
public interface TimeConfig {

    /** Service time zone for dates (TONGXIN_TIME_ZONE). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
