package org.tongxin.shift;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;

/**
 * A volunteer's shift claims (docs/privacy.md). The copy lists them all. The erasure has nothing of
 * its own to do: the claims whose shift has not started were withdrawn (and their slots freed) when
 * the erasure took the VOLUNTEER roles away ({@link ClaimWithdrawal}), and those served stay as the
 * checkpoint's record, pointing at the anonymous account, with the minutes. A stand-down removes
 * the hand-over notes of the scope's claims (free text, which can name the people who came through
 * the checkpoint); shifts served per day are kept.
 */
@ApplicationScoped
class ShiftPersonalData implements PersonalData {

    private final ClaimRepository claims;
    private final Clock clock;

    ShiftPersonalData(ClaimRepository claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    @Override
    public void export(DataSubject who, PersonalCopy copy) {
        copy.put("shiftClaims", claims.copiesOf(who.userId()));
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
