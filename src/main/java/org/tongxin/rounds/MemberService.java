package org.tongxin.rounds;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.Page;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SealedColumn;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgDtos.HouseholdLabel;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.AuditTrail;
import org.tongxin.rounds.RoundsDtos.AddMember;
import org.tongxin.rounds.RoundsDtos.HouseholdMembers;
import org.tongxin.rounds.RoundsDtos.MemberRound;
import org.tongxin.rounds.RoundsDtos.MemberView;
import org.tongxin.rounds.RoundsDtos.SetTestingCode;
import org.tongxin.volunteer.VolunteerService;

/**
 * The people of a household who are tested, and their testing codes. Who may list and change them
 * (tend the household): its residents, the volunteer who looks after it (while still an approved
 * volunteer of its community), and grid workers and staff whose scope covers it. Names and codes
 * are sealed before they are stored and never logged; a code is never shown, only whether there is one.
 */
@ApplicationScoped
public class MemberService {

    static final int MAX_CODE_BYTES = 512;

    private final MemberRepository members;
    private final RoundRepository rounds;
    private final CaretakerRepository caretakers;
    private final HouseholdService households;
    private final AccountService accounts;
    private final VolunteerService volunteers;
    private final ScopeGuard scope;
    private final PiiCipher pii;
    private final AuditTrail audit;
    private final RoundsConfig config;
    private final Clock clock;

    MemberService(MemberRepository members, RoundRepository rounds, CaretakerRepository caretakers, HouseholdService households,
                  AccountService accounts, VolunteerService volunteers, ScopeGuard scope, PiiCipher pii, AuditTrail audit,
                  RoundsConfig config, Clock clock) {
        this.members = members;
        this.rounds = rounds;
        this.caretakers = caretakers;
        this.households = households;
        this.accounts = accounts;
        this.volunteers = volunteers;
        this.scope = scope;
        this.pii = pii;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public MemberView add(Caller caller, UUID householdId, @NotNull @Valid AddMember req) {
        OrgLocation household = households.locate(householdId);
        requireTending(caller, household);
        caretakers.lockHousehold(householdId);
        if (members.countIn(householdId) >= config.membersPerHousehold()) {
            throw new ApiException(RoundsError.HOUSEHOLD_MEMBERS_FULL);
        }
        HouseholdMember m = new HouseholdMember(household, req.name().strip(), caller.userId(), OffsetDateTime.now(clock), pii);
        members.persist(m);
        Log.infof("household member added id=%s household=%s by=%s", m.getId(), householdId, caller.userId());
        return view(m, pii.reader(m.getId()), null);
    }

    public List<MemberView> of(Caller caller, UUID householdId) {
        requireTending(caller, households.locate(householdId));
        List<MemberView> people = byHousehold(List.of(householdId)).getOrDefault(householdId, List.of());
        if (!livesIn(caller, householdId)) {
            audit.read(caller, AuditKind.HOUSEHOLD_MEMBER, people.stream().map(MemberView::id).toList());
        }
        return people;
    }

    /** Whether the caller is a resident of the household (whose own data it is). */
    boolean livesIn(Caller caller, UUID householdId) {
        return accounts.householdOf(caller.userId()).map(householdId::equals).orElse(false);
    }

    @Transactional
    public void setTestingCode(Caller caller, UUID memberId, @NotNull @Valid SetTestingCode req) {
        HouseholdMember m = members.findByIdOptional(memberId).orElseThrow(() -> new ApiException(RoundsError.MEMBER_NOT_FOUND));
        requireTending(caller, m.place());
        String code = req.code().strip();
        if (code.getBytes(StandardCharsets.UTF_8).length > MAX_CODE_BYTES) {
            throw ApiException.invalid("code", "核酸码内容过长（最多 512 字节）", "must be at most 512 bytes (UTF-8)");
        }
        members.setTestingCode(memberId, pii.seal(SealedColumn.MEMBER_TESTING_CODE, memberId, code), OffsetDateTime.now(clock));
        Log.infof("testing code stored member=%s by=%s", memberId, caller.userId());
    }

    /** The households the caller looks after (包户), with their members. */
    public Page<HouseholdMembers> lookedAfter(Caller caller, int page, int size) {
        Page<HouseholdCaretaker> mine = Page.of(caretakers.lookedAfterBy(caller.userId()), page, size, k -> k);
        List<UUID> ids = mine.items().stream().map(HouseholdCaretaker::getHouseholdId).toList();
        Map<UUID, HouseholdLabel> labels = households.labels(ids);
        Map<UUID, List<MemberView>> byHousehold = byHousehold(ids);
        audit.read(caller, AuditKind.HOUSEHOLD_MEMBER, byHousehold.values().stream().flatMap(List::stream).map(MemberView::id).toList());
        return new Page<>(ids.stream().map(id -> new HouseholdMembers(id, labels.get(id).buildingName(), labels.get(id).room(),
                byHousehold.getOrDefault(id, List.of()))).toList(), mine.page(), mine.size(), mine.total());
    }

    /** The people of these households with their state in their latest round. */
    private Map<UUID, List<MemberView>> byHousehold(Collection<UUID> ids) {
        List<HouseholdMember> people = members.ofHouseholds(ids);
        Map<UUID, MemberRound> states = rounds.latestStates(people.stream().map(HouseholdMember::getId).toList());
        return people.stream().collect(Collectors.groupingBy(HouseholdMember::getHouseholdId, java.util.LinkedHashMap::new,
                Collectors.mapping(m -> view(m, pii.reader(m.getId()), states.get(m.getId())), Collectors.toList())));
    }

    /** The household's residents, its caretaker volunteer, or a grid worker (or staff) whose scope covers it; else 403. */
    void requireTending(Caller caller, OrgLocation household) {
        boolean resident = accounts.householdOf(caller.userId()).map(household.householdId()::equals).orElse(false);
        if (resident || scope.allows(caller, Role.GRID_WORKER, household) || caresFor(caller, household)) {
            return;
        }
        throw new ApiException(CommonError.FORBIDDEN);
    }

    private boolean caresFor(Caller caller, OrgLocation household) {
        return caretakers.looksAfter(caller.userId(), household.householdId())
                && volunteers.approvedVolunteerId(caller.userId(), household.communityId()).isPresent();
    }

    private static MemberView view(HouseholdMember m, PiiCipher.Reader r, MemberRound round) {
        String name = m.name(r);
        return new MemberView(m.getId(), name == null ? null : Names.mask(name), m.hasTestingCode(), round);
    }
}
