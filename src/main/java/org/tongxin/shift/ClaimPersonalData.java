package org.tongxin.shift;

import jakarta.enterprise.context.ApplicationScoped;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;

/**
 * A volunteer's shift claims (docs/privacy.md). The copy lists them all; the erasure has nothing
 * of its own to do: the claims whose shift has not started were withdrawn (and their slots freed)
 * when the erasure took the VOLUNTEER roles away ({@link ClaimWithdrawal}), and those served stay
 * as the checkpoint's record, pointing at the anonymous account, with the minutes and the
 * hand-over note (about the checkpoint, not the person).
 */
@ApplicationScoped
class ClaimPersonalData implements PersonalData {

    private final ClaimRepository claims;

    ClaimPersonalData(ClaimRepository claims) {
        this.claims = claims;
    }

    @Override
    public void export(DataSubject who, PersonalCopy copy) {
        copy.put("shiftClaims", claims.copiesOf(who.userId()));
    }

    @Override
    public void erase(DataSubject who) {
        // see the class comment
    }
}
