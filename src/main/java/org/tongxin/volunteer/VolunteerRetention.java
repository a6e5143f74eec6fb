package org.tongxin.volunteer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.PurgeScope;
import org.tongxin.privacy.Retention;

/**
 * Volunteers (docs/privacy.md, stand-down): the purge removes the names, availability, notes,
 * party membership and rejection reasons of the scope's volunteer records; the records stay, with
 * skills, team, status and minutes served, marked purged.
 */
@ApplicationScoped
class VolunteerRetention implements Retention {

    private final VolunteerRepository volunteers;
    private final Clock clock;

    VolunteerRetention(VolunteerRepository volunteers, Clock clock) {
        this.volunteers = volunteers;
        this.clock = clock;
    }

    @Override
    public List<Step> purgeSteps() {
        return List.of(new Step("VOLUNTEERS", AuditKind.VOLUNTEER, volunteers::unpurgedIn,
                (scope, limit) -> volunteers.purge(scope, limit, OffsetDateTime.now(clock))));
    }

    @Override
    public List<Kept> kept(PurgeScope scope) {
        return List.of();
    }
}
