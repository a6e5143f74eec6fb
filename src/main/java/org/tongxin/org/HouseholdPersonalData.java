package org.tongxin.org;

import jakarta.enterprise.context.ApplicationScoped;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;

/**
 * A person's household membership (docs/privacy.md). The copy shows the household they live in;
 * their erasure ends the membership: the household counts one resident less (its account row
 * loses the link when it is scrubbed). The household itself, its room and its other residents stay.
 */
@ApplicationScoped
class HouseholdPersonalData implements PersonalData {

    private final HouseholdRepository households;

    HouseholdPersonalData(HouseholdRepository households) {
        this.households = households;
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
}
