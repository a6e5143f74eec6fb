package org.tongxin.volunteer;

import jakarta.enterprise.context.ApplicationScoped;
import org.tongxin.auth.UserAccount;
import org.tongxin.common.PiiCipher;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;
import org.tongxin.volunteer.VolunteerDtos.ApplicationView;

/**
 * A person's volunteer records, one per community they applied in (docs/privacy.md): the copy shows
 * them as staff see them (name, availability, note opened); the erasure leaves each record with the
 * marker for a name and nothing else personal ({@link Volunteer#erase}).
 */
@ApplicationScoped
class VolunteerPersonalData implements PersonalData {

    private final VolunteerRepository volunteers;
    private final PiiCipher pii;

    VolunteerPersonalData(VolunteerRepository volunteers, PiiCipher pii) {
        this.volunteers = volunteers;
        this.pii = pii;
    }

    @Override
    public void export(DataSubject who, PersonalCopy copy) {
        copy.put("volunteer", volunteers.list("userId = ?1 order by createdAt", who.userId()).stream()
                .map(v -> ApplicationView.from(v, pii)).toList());
    }

    @Override
    public void erase(DataSubject who) {
        volunteers.list("userId", who.userId()).forEach(v -> v.erase(pii, UserAccount.ERASED_NAME));
    }
}
