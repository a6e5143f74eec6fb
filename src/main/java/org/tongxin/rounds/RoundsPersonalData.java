package org.tongxin.rounds;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tongxin.common.PiiCipher;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;
import org.tongxin.rounds.MemberRepository.RoundCopy;

/**
 * Testing rounds (docs/privacy.md). The copy holds the people of the person's household as testing
 * knows them (names and testing codes opened, and each one's part in every round) and the
 * households the person looks after as a volunteer (包户). The erasure has nothing of its own to do:
 * the households looked after were freed when the erasure took the VOLUNTEER roles away
 * ({@link CaretakerService}), and the household's people are the household's, not the account's
 * (a grandmother without WeChat is one of them). A stand-down removes the scope's people's names
 * and testing codes (the people stay as rows, so each round's counts do) and who looks after which
 * household.
 */
@ApplicationScoped
class RoundsPersonalData implements PersonalData {

    /** One of the household's people: name and testing code in full, for the household's own residents. */
    @RegisterForReflection
    record PersonCopy(UUID id, String name, String testingCode, OffsetDateTime codeUpdatedAt, OffsetDateTime addedAt,
                      List<RoundCopy> rounds, List<String> unavailable) {}

    private final MemberRepository members;
    private final CaretakerRepository caretakers;
    private final PiiCipher pii;
    private final Clock clock;

    RoundsPersonalData(MemberRepository members, CaretakerRepository caretakers, PiiCipher pii, Clock clock) {
        this.members = members;
        this.caretakers = caretakers;
        this.pii = pii;
        this.clock = clock;
    }

    @Override
    public void export(DataSubject who, PersonalCopy copy) {
        List<PersonCopy> people = List.of();
        if (who.inHousehold()) {
            Map<UUID, List<RoundCopy>> rounds = members.roundsOf(who.householdId());
            people = members.ofHouseholds(List.of(who.householdId())).stream().map(m -> {
                PiiCipher.Reader r = pii.reader(m.getId());
                return new PersonCopy(m.getId(), m.name(r), m.testingCode(r), m.getCodeUpdatedAt(), m.getAddedAt(),
                        rounds.getOrDefault(m.getId(), List.of()), r.unavailable());
            }).toList();
        }
        copy.put("people", people);
        copy.put("lookingAfter", caretakers.copiesFor(who.userId()));
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
