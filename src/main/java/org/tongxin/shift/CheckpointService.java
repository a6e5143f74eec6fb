package org.tongxin.shift;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.SqlErrors;
import org.tongxin.org.OrgService;
import org.tongxin.shift.ShiftDtos.*;
import org.tongxin.volunteer.VolunteerService;

/**
 * Checkpoints (值守点/卡点), their daily shift pattern and the roster it generates, and what
 * staff need to keep the cordon manned: coverage gaps and no-shows.
 */
@ApplicationScoped
public class CheckpointService {

    private final CheckpointRepository checkpoints;
    private final ShiftRepository shifts;
    private final ClaimRepository claims;
    private final OrgService org;
    private final ScopeGuard scope;
    private final VolunteerService volunteers;
    private final ShiftConfig config;
    private final Clock clock;

    CheckpointService(CheckpointRepository checkpoints, ShiftRepository shifts, ClaimRepository claims, OrgService org,
                      ScopeGuard scope, VolunteerService volunteers, ShiftConfig config, Clock clock) {
        this.checkpoints = checkpoints;
        this.shifts = shifts;
        this.claims = claims;
        this.org = org;
        this.scope = scope;
        this.volunteers = volunteers;
        this.config = config;
        this.clock = clock;
    }

    /** The pattern must cover the whole day: no gap between one shift's end and the next start. */
    @Transactional
    public CheckpointView create(Caller caller, @NotNull @Valid CreateCheckpoint req) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(req.communityId()));
        List<Integer> hours = req.shiftStartHours().stream().distinct().sorted().toList();
        for (int i = 0; i < hours.size(); i++) {
            int next = i + 1 < hours.size() ? hours.get(i + 1) : hours.get(0) + 24;
            if (next - hours.get(i) > req.shiftLengthHours()) {
                throw new ApiException(ShiftError.PATTERN_GAP);
            }
        }
        if (checkpoints.nameTaken(req.communityId(), req.name())) {
            throw new ApiException(ShiftError.CHECKPOINT_NAME_TAKEN);
        }
        Checkpoint cp = new Checkpoint(req.communityId(), req.name().strip(), req.location(), hours,
                req.shiftLengthHours(), req.capacity());
        SqlErrors.insertUnique(ShiftError.CHECKPOINT_NAME_TAKEN, () -> checkpoints.persistAndFlush(cp));
        Log.infof("checkpoint created id=%s community=%s", cp.getId(), req.communityId());
        return CheckpointView.from(cp);
    }

    public List<CheckpointView> list(Caller caller, @NotNull UUID communityId) {
        requireVolunteerOrStaff(caller, org.locateCommunity(communityId));
        return checkpoints.ofCommunity(communityId).stream().map(CheckpointView::from).toList();
    }

    /** Idempotent: a shift that already exists for the checkpoint and start time is left alone. */
    @Transactional
    public Generated generate(Caller caller, UUID checkpointId, @NotNull @Valid GenerateShifts req) {
        Checkpoint cp = checkpoint(checkpointId);
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(cp.getCommunityId()));
        int created = 0;
        for (int d = 0; d < req.days(); d++) {
            LocalDate date = req.from().plusDays(d);
            for (int hour : cp.getShiftStartHours()) {
                ZonedDateTime start = date.atTime(hour, 0).atZone(clock.getZone());
                if (shifts.insertIfAbsent(cp, start.toOffsetDateTime(),
                        start.plusHours(cp.getShiftLengthHours()).toOffsetDateTime())) {
                    created++;
                }
            }
        }
        Log.infof("shifts generated checkpoint=%s created=%d", checkpointId, created);
        return new Generated(created);
    }

    public List<ShiftView> shifts(Caller caller, UUID checkpointId, DateRange range) {
        Checkpoint cp = checkpoint(checkpointId);
        requireVolunteerOrStaff(caller, org.locateCommunity(cp.getCommunityId()));
        return shifts.ofCheckpoint(checkpointId, range.start(), range.end()).stream().map(ShiftView::from).toList();
    }

    /** Who holds the checkpoint's shifts starting in the range, with their check-ins (COMMUNITY_STAFF). */
    public List<RosterClaim> claims(Caller caller, UUID checkpointId, DateRange range) {
        Checkpoint cp = checkpoint(checkpointId);
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(cp.getCommunityId()));
        List<ShiftClaim> held = claims.ofCheckpoint(checkpointId, range.start(), range.end());
        Map<UUID, String> names = volunteers.names(caller, held.stream().map(ShiftClaim::getVolunteerId).distinct().toList());
        return held.stream().map(c -> new RosterClaim(c.getShiftId(), c.getVolunteerId(), names.get(c.getVolunteerId()), c.getStatus(),
                c.getCheckedInAt(), c.getCheckedOutAt(), c.getMinutesServed())).toList();
    }

    /** Shifts below capacity: holes in the cordon, soonest first. */
    public List<CoverageGap> coverage(Caller caller, UUID communityId, DateRange range) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(communityId));
        return shifts.gaps(communityId, range.start(), range.end());
    }

    /** Claimants not checked in {@code no-show-after} (15 min) after their shift started. */
    public List<NoShow> noShows(Caller caller, UUID communityId, DateRange range) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(communityId));
        var rows = claims.noShows(communityId, range.start(), range.end(),
                OffsetDateTime.now(clock).minus(config.noShowAfter()));
        Map<UUID, String> names = volunteers.names(caller, rows.stream().map(ClaimRepository.NoShowRow::volunteerId).distinct().toList());
        return rows.stream().map(r -> NoShow.from(r, names.get(r.volunteerId()))).toList();
    }

    private void requireVolunteerOrStaff(Caller caller, OrgLocation where) {
        if (!scope.holdsIn(caller, Role.VOLUNTEER, where.communityId())) {
            scope.require(caller, Role.COMMUNITY_STAFF, where);
        }
    }

    private Checkpoint checkpoint(UUID id) {
        return checkpoints.findByIdOptional(id).orElseThrow(() -> new ApiException(ShiftError.CHECKPOINT_NOT_FOUND));
    }
}
