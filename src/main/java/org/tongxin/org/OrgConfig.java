package org.tongxin.org;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Organisation settings. */
@ConfigMapping(prefix = "tongxin.org")
public interface OrgConfig {

    /** Load the Rencheng demo district into an empty database at start; on in dev only (TONGXIN_ORG_DEMO_DATA). */
    @WithDefault("false")
    boolean demoData();

    /** People who may join one household with its code (TONGXIN_ORG_HOUSEHOLD_MEMBERS). */
    @WithDefault("10")
    int householdMembers();

    /** Household join attempts per user per minute (TONGXIN_ORG_JOIN_PER_USER). */
    @WithDefault("10")
    int joinPerUser();

    /** Household join attempts per client address per minute (TONGXIN_ORG_JOIN_PER_ADDRESS). */
    @WithDefault("30")
    int joinPerAddress();
}
