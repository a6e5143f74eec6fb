package org.tongxin.rounds;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.rounds.RoundRepository.GroupRow;
import org.tongxin.rounds.RoundRepository.MemberState;
import org.tongxin.rounds.RoundRepository.SiteRow;
import org.tongxin.rounds.RoundRepository.SkippedFrom;
import org.tongxin.rounds.RoundsDtos.*;
import org.tongxin.volunteer.VolunteerService;

/**
 * What the sampling station records (docs/testing-rounds.md): a household's arrival (its Tongxin QR
 * scanned), samples taken, and people skipped with a reason. The on-site count is arrived − sampled;
 * when a sample or a skip brings it down to the threshold, the next group is called in the same
 * transaction ({@link RoundCalls}). Each person is sampled at most once per round (the conditional
 * update on their row), and nothing takes a site over its cap (the conditional update on the site's).
 */
@ApplicationScoped
public class StationService {

    private final RoundRepository rounds;
    private final RoundService plans;
    private final RoundCalls calls;
    private final VolunteerService volunteers;
    private final Clock clock;

    StationService(RoundRepository rounds, RoundService plans, RoundCalls calls, VolunteerService volunteers, Clock clock) {
        this.rounds = rounds;
        this.plans = plans;
        this.calls = calls;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    /** A household arrives at its site: those of its members present (all when none are named) count as on site. */
    @Transactional
    public OnSite arrive(Caller caller, UUID roundId, @NotNull @Valid Arrival req) {
        RoundRepository.StationSite here = plans.station(caller, roundId, req.siteId());
        RoundService.running(here.round());
        RoundRepository.Arrived arrived = rounds.arriveAtSite(roundId, req.siteId(), req.householdId(), req.memberIds(), now());
        if (arrived.refused() != null) {
            throw new ApiException(RoundsError.valueOf(arrived.refused())); // SITE_FULL rolls the people's arrival back
        }
        Log.infof("round arrival round=%s site=%s household=%s people=%d", roundId, req.siteId(), req.householdId(), arrived.arrived());
        return new OnSite(arrived.onSite());
    }

    /**
     * Samples taken at a site (the people left it: the next group may be called) or, without a site,
     * at home. All or nothing: anyone sampled already ({@code ALREADY_SAMPLED}), not arrived at the
     * site ({@code NOT_ARRIVED}) or not in the round ({@code NOT_IN_ROUND}) refuses the whole request.
     */
    @Transactional
    public Sampled sample(Caller caller, UUID roundId, @NotNull @Valid Samples req) {
        RoundRepository.StationSite here = req.siteId() == null ? null : plans.station(caller, roundId, req.siteId());
        RoundService.running(here == null ? homeSampler(caller, roundId) : here.round());
        List<UUID> ids = req.memberIds().stream().distinct().toList();
        OffsetDateTime now = now();
        if (req.siteId() == null) {
            List<UUID> sampled = rounds.sampleAtHome(roundId, ids, caller.userId(), now);
            if (sampled.size() < ids.size()) {
                throw refusal(roundId, ids, sampled);
            }
            Log.infof("round home samples round=%s people=%d by=%s", roundId, ids.size(), caller.userId());
            return new Sampled(ids.size(), null, null);
        }
        SiteRow site = here.site().orElseThrow();
        RoundRepository.SampledAt done = rounds.sampleAtSite(roundId, site.id(), ids, caller.userId(), now);
        if (done.left() == null) {
            throw refusal(roundId, ids, done.sampled()); // rolls back those sampled by this request
        }
        calls.announce(site, done.left(), caller.userId(), now);
        return new Sampled(ids.size(), done.left().onSite(), done.left().called() == null ? null : done.left().called().groupId());
    }

    /** Someone will not be sampled at a site; if they were on site or called, the site's counts go down (and may call the next group). */
    @Transactional
    public Skipped skip(Caller caller, UUID roundId, @NotNull @Valid Skip req) {
        TestingRound round = plans.station(caller, roundId);
        if (round.getStatus() == TestingRound.Status.CLOSED) {
            throw new ApiException(RoundsError.ROUND_NOT_RUNNING);
        }
        OffsetDateTime now = now();
        SkippedFrom from = rounds.skip(roundId, req.memberId(), req.reason(), caller.userId(), now)
                .orElseThrow(() -> refusal(roundId, List.of(req.memberId()), List.of()));
        if (from.wasOnSite()) {
            calls.left(plans.site(roundId, from.siteId()), 1, 0, caller.userId(), now);
        } else if (!from.wasSkipped()) {
            GroupRow group = rounds.groupOf(roundId, from.householdId()).orElseThrow();
            if (group.calledAt() != null) {
                calls.left(plans.site(roundId, group.siteId()), 0, 1, caller.userId(), now);
            }
        }
        Log.infof("round skip round=%s member=%s reason=%s by=%s", roundId, req.memberId(), req.reason(), caller.userId());
        return new Skipped(req.memberId(), req.reason());
    }

    /** Station people, or an approved volunteer of the round's community (home sampling). */
    private TestingRound homeSampler(Caller caller, UUID roundId) {
        TestingRound round = rounds.header(roundId).orElseThrow(() -> new ApiException(RoundsError.ROUND_NOT_FOUND));
        if (volunteers.approvedVolunteerId(caller.userId(), round.getCommunityId()).isPresent()) {
            return round;
        }
        try {
            return plans.station(caller, roundId);
        } catch (ApiException e) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
    }

    /** Why not everyone of {@code ids} could be recorded ({@code done}: those this request did record). */
    private ApiException refusal(UUID roundId, List<UUID> ids, List<UUID> done) {
        List<UUID> refused = ids.stream().filter(id -> !done.contains(id)).toList();
        List<MemberState> states = rounds.states(roundId, refused);
        if (states.stream().anyMatch(MemberState::sampled)) {
            return new ApiException(RoundsError.ALREADY_SAMPLED);
        }
        if (states.size() < refused.size()) {
            return new ApiException(RoundsError.NOT_IN_ROUND);
        }
        return new ApiException(RoundsError.NOT_ARRIVED);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
