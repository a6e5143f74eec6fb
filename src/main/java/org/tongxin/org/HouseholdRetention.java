package org.tongxin.org;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.tongxin.auth.PersonalAccount;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.PurgeScope;
import org.tongxin.privacy.Retention;

/**
 * Who lives where (docs/privacy.md, stand-down): the purge unlinks every resident of the scope's
 * households, with their phone and nickname (room-to-person links); the households, their rooms
 * and join codes stay, and count no resident any more.
 */
@ApplicationScoped
class HouseholdRetention implements Retention {

    private final HouseholdRepository households;
    private final PersonalAccount accounts;

    HouseholdRetention(HouseholdRepository households, PersonalAccount accounts) {
        this.households = households;
        this.accounts = accounts;
    }

    @Override
    public List<Step> purgeSteps() {
        return List.of(new Step("RESIDENTS", AuditKind.HOUSEHOLD_LINK, households::residentsIn, this::unlink));
    }

    @Override
    public List<Kept> kept(PurgeScope scope) {
        return List.of();
    }

    private int unlink(PurgeScope scope, int limit) {
        List<HouseholdRepository.Resident> batch = households.lockResidents(scope, limit);
        if (batch.isEmpty()) {
            return 0;
        }
        int unlinked = accounts.unlinkResidents(batch.stream().map(HouseholdRepository.Resident::userId).toList());
        households.recountMembers(batch.stream().map(HouseholdRepository.Resident::householdId).distinct().toList());
        return unlinked;
    }
}
