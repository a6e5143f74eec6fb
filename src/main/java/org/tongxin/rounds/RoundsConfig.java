package org.tongxin.rounds;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Mass-testing rounds. */
@ConfigMapping(prefix = "tongxin.rounds")
public interface RoundsConfig {

    /** Households one volunteer may look after (包户); one more answers 409 CARETAKER_FULL (TONGXIN_ROUNDS_CARETAKER_CAP). */
    @WithDefault("15")
    int caretakerCap();

    /** People one household may list for testing; one more answers 409 HOUSEHOLD_MEMBERS_FULL (TONGXIN_ROUNDS_MEMBERS_PER_HOUSEHOLD). */
    @WithDefault("20")
    int membersPerHousehold();
}
