package org.tongxin.volunteer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.tongxin.auth.UserAccount;
import org.tongxin.common.PiiCipher;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;
import org.tongxin.volunteer.VolunteerDtos.ApplicationView;

/**
 * A person's volunteer records, one per community they applied in (docs/privacy.md). The copy shows
 * them as staff see them (name, availability, note opened). The erasure leaves each record with the
 * marker for a name and nothing else personal ({@link Volunteer#erase}). A stand-down removes the
 * names, availability, notes, party membership and rejection reasons of the scope's records; the
 * records stay, with skills, team, status and minutes served, marked purged.
 */
@ApplicationScoped
class VolunteerPersonalData implements PersonalData {

    private final VolunteerRepository volunteers;
    private final PiiCipher pii;
    private final Clock clock;

    VolunteerPersonalData(VolunteerRepository volunteers, PiiCipher pii, Clock clock) {
        this.volunteers = volunteers;
        this.pii = pii;
        this.clock = clock;
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

    @Override
    public List<Step> purgeSteps() {
        return List.of(new Step("VOLUNTEERS", AuditKind.VOLUNTEER, volunteers::unpurgedIn,
                (scope, limit) -> volunteers.purge(scope, limit, OffsetDateTime.now(clock))));
    }
}
