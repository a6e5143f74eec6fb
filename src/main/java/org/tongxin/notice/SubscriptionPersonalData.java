package org.tongxin.notice;

import jakarta.enterprise.context.ApplicationScoped;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;

/**
 * A person's acceptances of subscribe messages (docs/privacy.md): the copy counts them per
 * template; the erasure drops them and their counts (nothing is sent to an erased account: it has
 * no openid any more).
 */
@ApplicationScoped
class SubscriptionPersonalData implements PersonalData {

    private final ConsentRepository consents;

    SubscriptionPersonalData(ConsentRepository consents) {
        this.consents = consents;
    }

    @Override
    public void export(DataSubject who, PersonalCopy copy) {
        copy.put("subscriptions", consents.copiesOf(who.userId()));
    }

    @Override
    public void erase(DataSubject who) {
        consents.dropAll(who.userId());
    }
}
