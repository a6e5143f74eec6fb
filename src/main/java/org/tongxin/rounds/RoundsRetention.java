package org.tongxin.rounds;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.PurgeScope;
import org.tongxin.privacy.Retention;

/**
 * Testing rounds (docs/privacy.md, stand-down): the purge removes the names and testing codes of the
 * scope's household people, and who looks after which household (包户); the people stay as rows
 * of their household, so each round's counts (sampled per day) are kept.
 */
@ApplicationScoped
class RoundsRetention implements Retention {

    private final MemberRepository members;
    private final CaretakerRepository caretakers;
    private final Clock clock;

    RoundsRetention(MemberRepository members, CaretakerRepository caretakers, Clock clock) {
        this.members = members;
        this.caretakers = caretakers;
        this.clock = clock;
    }

    @Override
    public List<Step> purgeSteps() {
        return List.of(new Step("PEOPLE", AuditKind.HOUSEHOLD_MEMBER, members::namedIn, members::purgeNames),
                new Step("CARETAKERS", AuditKind.HOUSEHOLD_LINK, caretakers::assignedIn, caretakers::purge));
    }

    @Override
    public List<Kept> kept(PurgeScope scope) {
        return members.sampledPerDay(scope, clock.getZone());
    }
}
