package org.tongxin.rounds;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.OrgLocation;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgDtos.GridView;
import org.tongxin.org.OrgDtos.HouseholdLabel;
import org.tongxin.org.OrgService;
import org.tongxin.rounds.RoundRepository.Called;
import org.tongxin.rounds.RoundRepository.GroupRow;
import org.tongxin.rounds.RoundRepository.HouseholdPeople;
import org.tongxin.rounds.RoundRepository.SiteRow;
import org.tongxin.rounds.RoundsDtos.*;

/**
 * Planning and running a round (docs/testing-rounds.md): staff of the community (or above) open
 * it with its sites and lanes, start it, pause a site, and call a group by hand. Planning cuts each
 * site's lanes, in the order given, into call groups of whole households — buildings and rooms in
 * order — of at most cap − callNextAt people, so that a group called when callNextAt people remain
 * can never take the site over its cap.
 */
@ApplicationScoped
public class RoundService {

    static final int DEFAULT_CAP = 30;
    static final int DEFAULT_CALL_NEXT_AT = 10;

    private final RoundRepository rounds;
    private final RoundCalls calls;
    private final OrgService org;
    private final HouseholdService households;
    private final ScopeGuard scope;
    private final Clock clock;

    RoundService(RoundRepository rounds, RoundCalls calls, OrgService org, HouseholdService households, ScopeGuard scope, Clock clock) {
        this.rounds = rounds;
        this.calls = calls;
        this.org = org;
        this.households = households;
        this.scope = scope;
        this.clock = clock;
    }

    @Transactional
    public RoundView create(Caller caller, @NotNull @Valid CreateRound req) {
        OrgLocation community = org.locateCommunity(req.communityId());
        scope.require(caller, Role.COMMUNITY_STAFF, community);
        Map<UUID, String> gridNames = org.getCommunity(req.communityId()).grids().stream()
                .collect(Collectors.toMap(GridView::id, GridView::name));
        Set<UUID> seen = new HashSet<>();
        for (SiteSpec s : req.sites()) {
            for (UUID grid : s.gridIds()) {
                if (!gridNames.containsKey(grid)) {
                    throw new ApiException(RoundsError.GRID_NOT_IN_COMMUNITY);
                }
                if (!seen.add(grid)) {
                    throw new ApiException(RoundsError.GRID_TWICE);
                }
            }
            if (callNextAt(s) >= cap(s)) {
                throw ApiException.invalid("sites[].callNextAt", "叫号阈值须小于容量", "must be below cap");
            }
        }
        if (rounds.exists(req.communityId(), req.date())) {
            throw new ApiException(RoundsError.ROUND_EXISTS);
        }
        List<HouseholdPeople> people = rounds.householdPeople(seen);
        if (people.isEmpty()) {
            throw new ApiException(RoundsError.NOBODY_TO_TEST);
        }
        Map<UUID, HouseholdLabel> labels = households.labels(people.stream().map(HouseholdPeople::householdId).toList());
        UUID roundId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        rounds.insertRound(roundId, community.streetId(), req.communityId(), req.date(), caller.userId(), now);
        int siteSeq = 0;
        for (SiteSpec s : req.sites()) {
            UUID siteId = UUID.randomUUID();
            rounds.insertSite(siteId, roundId, ++siteSeq, s.name().strip(), s.place().strip(), cap(s), callNextAt(s));
            int groupSeq = 0;
            for (UUID grid : s.gridIds()) {
                for (List<HouseholdPeople> group : groups(people, grid, labels, cap(s) - callNextAt(s))) {
                    rounds.insertGroup(UUID.randomUUID(), roundId, siteId, ++groupSeq, grid,
                            group.stream().mapToInt(HouseholdPeople::people).sum(), label(gridNames.get(grid), group, labels),
                            group.stream().map(HouseholdPeople::householdId).toList());
                }
            }
        }
        rounds.enrol(roundId);
        Log.infof("testing round planned id=%s community=%s date=%s sites=%d by=%s", roundId, req.communityId(), req.date(),
                req.sites().size(), caller.userId());
        return view(rounds.header(roundId).orElseThrow());
    }

    public RoundView get(Caller caller, UUID roundId) {
        TestingRound round = station(caller, roundId);
        return view(round);
    }

    /** PLANNED → RUNNING; each site's first group is called. */
    @Transactional
    public RoundView start(Caller caller, UUID roundId) {
        TestingRound round = managed(caller, roundId);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (!rounds.start(roundId, now)) {
            throw new ApiException(RoundsError.ROUND_NOT_PLANNED);
        }
        for (SiteRow site : rounds.sites(roundId)) {
            calls.next(site, caller.userId(), false, now);
        }
        Log.infof("testing round started id=%s by=%s", roundId, caller.userId());
        return view(rounds.header(round.getId()).orElseThrow());
    }

    public List<SiteState> sites(Caller caller, UUID roundId) {
        station(caller, roundId);
        return siteStates(roundId);
    }

    /** Pauses or resumes a site's automatic calls; resuming calls the next group if it may be called now. */
    @Transactional
    public List<SiteState> pause(Caller caller, UUID roundId, UUID siteId, boolean paused) {
        running(managed(caller, roundId));
        SiteRow site = site(roundId, siteId);
        rounds.setPaused(site.id(), paused);
        if (!paused) {
            calls.next(site, caller.userId(), false, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        }
        Log.infof("testing site %s id=%s by=%s", paused ? "paused" : "resumed", siteId, caller.userId());
        return siteStates(roundId);
    }

    /** Calls the site's next group now, whatever the count, as long as it fits under the cap. */
    @Transactional
    public List<SiteState> callByHand(Caller caller, UUID roundId, UUID siteId) {
        running(managed(caller, roundId));
        Called called = calls.next(site(roundId, siteId), caller.userId(), true, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        if (called.groupId() == null) {
            throw new ApiException("SITE_FULL".equals(called.refused()) ? RoundsError.SITE_FULL : RoundsError.NO_GROUP_LEFT);
        }
        return siteStates(roundId);
    }

    /** The round, for staff of its community (or above); else 403. */
    TestingRound managed(Caller caller, UUID roundId) {
        TestingRound round = rounds.header(roundId).orElseThrow(() -> new ApiException(RoundsError.ROUND_NOT_FOUND));
        scope.require(caller, Role.COMMUNITY_STAFF, OrgLocation.ofCommunity(round.getStreetId(), round.getCommunityId()));
        return round;
    }

    /** The round, for whoever works its stations: grid workers (lane heads) of its community and staff; else 403. */
    TestingRound station(Caller caller, UUID roundId) {
        return stationWorker(caller, rounds.header(roundId).orElseThrow(() -> new ApiException(RoundsError.ROUND_NOT_FOUND)));
    }

    /** As {@link #station}, with one of the round's sites read in the same statement (a scan's first); else SITE_NOT_FOUND. */
    RoundRepository.StationSite station(Caller caller, UUID roundId, UUID siteId) {
        RoundRepository.StationSite here = rounds.stationSite(roundId, siteId)
                .orElseThrow(() -> new ApiException(RoundsError.ROUND_NOT_FOUND));
        stationWorker(caller, here.round());
        if (here.site().isEmpty()) {
            throw new ApiException(RoundsError.SITE_NOT_FOUND);
        }
        return here;
    }

    private TestingRound stationWorker(Caller caller, TestingRound round) {
        if (scope.reachIn(caller, Role.GRID_WORKER, OrgLocation.ofCommunity(round.getStreetId(), round.getCommunityId())).nowhere()) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        return round;
    }

    static TestingRound running(TestingRound round) {
        if (round.getStatus() != TestingRound.Status.RUNNING) {
            throw new ApiException(RoundsError.ROUND_NOT_RUNNING);
        }
        return round;
    }

    SiteRow site(UUID roundId, UUID siteId) {
        return rounds.sites(roundId).stream().filter(s -> s.id().equals(siteId)).findFirst()
                .orElseThrow(() -> new ApiException(RoundsError.SITE_NOT_FOUND));
    }

    List<SiteState> siteStates(UUID roundId) {
        Map<UUID, List<GroupRow>> groups = rounds.groups(roundId).stream()
                .collect(Collectors.groupingBy(GroupRow::siteId, LinkedHashMap::new, Collectors.toList()));
        return rounds.sites(roundId).stream().map(s -> {
            List<GroupRow> of = groups.getOrDefault(s.id(), List.of());
            return new SiteState(s.id(), s.name(), s.place(), s.cap(), s.callNextAt(), s.onSite(), s.expected(), s.paused(),
                    of.stream().filter(g -> g.calledAt() != null).map(g -> new CalledGroup(g.id(), g.seq(), g.calledAt())).toList(),
                    of.stream().filter(g -> g.calledAt() == null).map(GroupRow::id).findFirst().orElse(null));
        }).toList();
    }

    private RoundView view(TestingRound round) {
        Map<UUID, List<GroupRow>> groups = rounds.groups(round.getId()).stream()
                .collect(Collectors.groupingBy(GroupRow::siteId, LinkedHashMap::new, Collectors.toList()));
        return new RoundView(round.getId(), round.getCommunityId(), round.getDate(), round.getStatus(),
                rounds.sites(round.getId()).stream().map(s -> new SitePlan(s.id(), s.name(), s.place(), s.cap(), s.callNextAt(),
                        groups.getOrDefault(s.id(), List.of()).stream().map(g -> new GroupView(g.id(), g.gridId(), g.seq(),
                                g.people(), g.label(), g.calledAt())).toList())).toList());
    }

    /** The grid's households in building and room order, cut into groups of whole households of at most {@code size} people. */
    static List<List<HouseholdPeople>> groups(List<HouseholdPeople> people, UUID grid, Map<UUID, HouseholdLabel> labels, int size) {
        List<HouseholdPeople> ordered = people.stream().filter(p -> p.gridId().equals(grid))
                .sorted(Comparator.comparing((HouseholdPeople p) -> labels.get(p.householdId()).buildingName(), Rooms.ORDER)
                        .thenComparing(p -> labels.get(p.householdId()).room(), Rooms.ORDER)).toList();
        List<List<HouseholdPeople>> groups = new ArrayList<>();
        List<HouseholdPeople> current = new ArrayList<>();
        int inCurrent = 0;
        for (HouseholdPeople h : ordered) {
            if (h.people() > size) {
                throw new ApiException(RoundsError.CALL_GROUP_TOO_SMALL);
            }
            if (inCurrent + h.people() > size) {
                groups.add(current);
                current = new ArrayList<>();
                inCurrent = 0;
            }
            current.add(h);
            inCurrent += h.people();
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static String label(String grid, List<HouseholdPeople> group, Map<UUID, HouseholdLabel> labels) {
        HouseholdLabel first = labels.get(group.get(0).householdId());
        HouseholdLabel last = labels.get(group.get(group.size() - 1).householdId());
        String from = first.buildingName() + first.room();
        String to = last.buildingName() + last.room();
        String label = grid + " " + (from.equals(to) ? from : from + "–" + to);
        return label.length() <= 200 ? label : label.substring(0, 200);
    }

    private static int cap(SiteSpec s) {
        return s.cap() == null ? DEFAULT_CAP : s.cap();
    }

    private static int callNextAt(SiteSpec s) {
        return s.callNextAt() == null ? Math.min(DEFAULT_CALL_NEXT_AT, cap(s) - 1) : s.callNextAt();
    }
}
