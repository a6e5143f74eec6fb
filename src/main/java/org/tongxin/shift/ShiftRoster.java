package org.tongxin.shift;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.volunteer.DutyRoster;
import org.tongxin.volunteer.VolunteerDtos.HeldShift;

/** The shifts a volunteer holds, for the volunteer feature's own page ({@link DutyRoster}). */
@ApplicationScoped
public class ShiftRoster implements DutyRoster {

    private final ClaimRepository claims;
    private final Clock clock;

    ShiftRoster(ClaimRepository claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    @Override
    public List<HeldShift> upcomingFor(UUID userId) {
        return claims.upcoming(userId, OffsetDateTime.now(clock));
    }
}
