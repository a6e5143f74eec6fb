package org.tongxin.care;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.PurgeScope;
import org.tongxin.privacy.Retention;

/**
 * Care (docs/privacy.md, stand-down): the purge removes the scope's vulnerable-person register
 * (names, categories, notes: the entries themselves) and the texts of its care requests
 * (descriptions, completion notes, comments); the requests stay, with type, status, times and
 * priority, so requests per type and day can still be counted.
 */
@ApplicationScoped
class CareRetention implements Retention {

    private final VulnerableRepository register;
    private final CareRequestRepository requests;
    private final Clock clock;

    CareRetention(VulnerableRepository register, CareRequestRepository requests, Clock clock) {
        this.register = register;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public List<Step> purgeSteps() {
        return List.of(new Step("REGISTER", AuditKind.REGISTER, register::entriesIn, register::purge),
                new Step("CARE_TEXTS", AuditKind.CARE_REQUEST, requests::textsIn, requests::purgeTexts));
    }

    @Override
    public List<Kept> kept(PurgeScope scope) {
        return requests.perDay(scope, clock.getZone());
    }
}
