package org.tongxin.org;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.tongxin.auth.PersonalAccount;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;

/**
 * Who lives where (docs/privacy.md). The copy shows the household the person lives in. Their
 * erasure ends the membership: the household counts one resident less (the account row loses the
 * link when it is scrubbed). A stand-down unlinks every resident of the scope's households, with
 * their phone and nickname (room-to-person links). The households, their rooms and join codes stay.
 */
@ApplicationScoped
class HouseholdPersonalData implements PersonalData {

    private final HouseholdRepository households;
    private final PersonalAccount accounts;

    HouseholdPersonalData(HouseholdRepository households, PersonalAccount accounts) {
        this.households = households;
        this.accounts = accounts;
    }

    @Override
    public void export(DataSubject who, PersonalCopy copy) {
        copy.put("household", who.inHousehold() ? households.copyOf(who.householdId()).orElse(null) : null);
    }

    @Override
    public void erase(DataSubject who) {
        if (who.inHousehold()) {
            households.removeMember(who.householdId());
        }
    }

    @Override
    public List<Step> purgeSteps() {
        return List.of(new Step("RESIDENTS", AuditKind.HOUSEHOLD_LINK, households::residentsIn, this::unlink));
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
