package org.tongxin.shift;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.PurgeScope;
import org.tongxin.privacy.Retention;

/**
 * Shifts (docs/privacy.md, stand-down): the purge removes the hand-over notes of the scope's claims
 * (free text, which can name the people who came through the checkpoint); the claims stay, with
 * check-in and check-out times and minutes served (shifts served per day are kept).
 */
@ApplicationScoped
class ShiftRetention implements Retention {

    private final ClaimRepository claims;
    private final Clock clock;

    ShiftRetention(ClaimRepository claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    @Override
    public List<Step> purgeSteps() {
        return List.of(new Step("HANDOVER_NOTES", AuditKind.VOLUNTEER, claims::notesIn, claims::purgeNotes));
    }

    @Override
    public List<Kept> kept(PurgeScope scope) {
        return claims.servedPerDay(scope, clock.getZone());
    }
}
