package org.tongxin.volunteer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.PiiStore;

/** Seals volunteers' names, availability and notes written in the clear before they were sealed. */
@ApplicationScoped
public class VolunteerPiiStore implements PiiStore {

    private final VolunteerRepository volunteers;
    private final PiiCipher pii;

    VolunteerPiiStore(VolunteerRepository volunteers, PiiCipher pii) {
        this.volunteers = volunteers;
        this.pii = pii;
    }

    @Override
    @Transactional
    public int reseal(int batch) {
        List<Volunteer> stale = volunteers.stillPlain(batch);
        stale.forEach(v -> v.sealPlain(pii));
        return stale.size();
    }
}
