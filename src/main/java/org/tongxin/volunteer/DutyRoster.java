package org.tongxin.volunteer;

import java.util.List;
import java.util.UUID;
import org.tongxin.volunteer.VolunteerDtos.HeldShift;

/**
 * The duties a volunteer holds, as their own page lists them. Declared here and implemented by
 * the {@code shift} feature above (volunteer never calls shift; shift calls volunteer to check who
 * may claim), so the two form a one-way stack.
 */
public interface DutyRoster {

    /** The shifts the person holds that have not ended, soonest first. */
    List<HeldShift> upcomingFor(UUID userId);
}
