package org.tongxin.org;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Organisation settings. */
@ConfigMapping(prefix = "tongxin.org")
public interface OrgConfig {

    /** Load the Rencheng demo district into an empty database at start; on in dev only (TONGXIN_ORG_DEMO_DATA). */
    @WithDefault("false")
    boolean demoData();
}
