package org.tongxin.shift;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Grant;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.org.OrgService;
import org.tongxin.shift.ClaimGate.Outcome;
import org.tongxin.shift.ShiftDtos.*;
import org.tongxin.volunteer.VolunteerService;

/**
 * Claiming, cancelling and standing checkpoint shifts. A claim passes the Redis gate (fast,
 * shared by all replicas) and then the database guard (final); if the database refuses after
 * Redis took a slot, the slot is given back and Redis's view of that shift and person is rebuilt.
 * If Redis is down, claims go on through the database alone: slower, never overbooked.
 */
@ApplicationScoped
public class ShiftService {

    private static final Set<Outcome> REBUILD = Set.of(Outcome.NO_SHIFT_STATE, Outcome.NO_USER_STATE);

    private final ClaimGate gate;
    private final ClaimLedger ledger;
    private final ShiftRepository shifts;
    private final ClaimRepository claims;
    private final VolunteerService volunteers;
    private final OrgService org;
    private final ScopeGuard scope;
    private final ShiftConfig config;

    ShiftService(ClaimGate gate, ClaimLedger ledger, ShiftRepository shifts, ClaimRepository claims,
                 VolunteerService volunteers, OrgService org, ScopeGuard scope, ShiftConfig config) {
        this.gate = gate;
        this.ledger = ledger;
        this.shifts = shifts;
        this.claims = claims;
        this.volunteers = volunteers;
        this.org = org;
        this.scope = scope;
        this.config = config;
    }

    public ClaimView claim(Caller caller, UUID shiftId) {
        boolean gated = config.redisGate() && passGate(caller, shiftId);
        UUID claimId;
        try {
            claimId = ledger.claim(shiftId, caller.userId());
        } catch (RuntimeException refused) {
            if (gated) {
                Log.infof("claim gate resync shift=%s user=%s: the database refused (%s)", shiftId, caller.userId(),
                        refused instanceof ApiException api ? api.code().name() : refused.getClass().getSimpleName());
                undo(shiftId, caller.userId());
            }
            throw refused;
        }
        Log.infof("shift claimed shift=%s user=%s", shiftId, caller.userId());
        return new ClaimView(claimId, shiftId, ShiftClaim.Status.CLAIMED, null, null, null);
    }

    /** Cancels the caller's claim until the cut-off (2 h before start by default); frees the slot in both stores. */
    public void cancel(Caller caller, UUID shiftId) {
        Shift shift = shift(shiftId);
        ledger.cancel(shift, caller.userId(), config.cancelCutoff());
        safely(() -> gate.release(shiftId, caller.userId()));
        Log.infof("shift claim cancelled shift=%s user=%s", shiftId, caller.userId());
    }

    /** Check-in by the claimant, from 30 minutes before the start until the end. */
    @Transactional
    public ClaimView checkIn(Caller caller, UUID shiftId) {
        Shift shift = shift(shiftId);
        ShiftClaim claim = claims.of(shiftId, caller.userId()).orElseThrow(() -> new ApiException(ShiftError.CLAIM_NOT_FOUND));
        if (!claims.checkIn(shiftId, caller.userId(), config.checkInEarly())) {
            if (claim.getStatus() != ShiftClaim.Status.CLAIMED) {
                throw new ApiException(ShiftError.ALREADY_CHECKED_IN);
            }
            boolean ended = !shift.getEndsAt().isAfter(OffsetDateTime.now());
            throw new ApiException(ended ? ShiftError.SHIFT_ENDED : ShiftError.CHECK_IN_TOO_EARLY);
        }
        return reloaded(claim);
    }

    /** Check-out: minutes served within the shift's hours go to the volunteer's service minutes, once. */
    @Transactional
    public ClaimView checkOut(Caller caller, UUID shiftId, @Valid CheckOut req) {
        shift(shiftId);
        ShiftClaim claim = claims.of(shiftId, caller.userId()).orElseThrow(() -> new ApiException(ShiftError.CLAIM_NOT_FOUND));
        String note = req != null && req.handoverNote() != null && !req.handoverNote().isBlank() ? req.handoverNote().strip() : null;
        int minutes = claims.checkOut(shiftId, caller.userId(), note)
                .orElseThrow(() -> new ApiException(ShiftError.NOT_CHECKED_IN));
        volunteers.addServiceMinutes(claim.getVolunteerId(), minutes);
        Log.infof("shift checked out shift=%s user=%s minutes=%d", shiftId, caller.userId(), minutes);
        return reloaded(claim);
    }

    /** Handover notes (交接班) left by the previous shift at the same checkpoint; for its claimants and staff. */
    public List<HandoverNote> handover(Caller caller, UUID shiftId) {
        Shift shift = shift(shiftId);
        boolean holder = claims.of(shiftId, caller.userId()).isPresent();
        if (!holder) {
            scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(shift.getCommunityId()));
        }
        return shifts.previous(shift).map(prev -> claims.withNotes(prev.getId()).stream()
                        .map(c -> new HandoverNote(prev.getId(), c.getHandoverNote(), c.getCheckedOutAt())).toList())
                .orElse(List.of());
    }

    /** The shifts a person holds that have not ended, soonest first. */
    public List<HeldShift> upcomingFor(UUID userId) {
        return claims.upcoming(userId, OffsetDateTime.now());
    }

    /**
     * Runs the Redis gate: throws the refusal, returns true when it took a slot, false when Redis
     * is unreachable (the database alone decides then). Missing state is rebuilt and retried.
     */
    private boolean passGate(Caller caller, UUID shiftId) {
        Set<UUID> allowed = caller.grants().stream().filter(g -> g.role() == Role.VOLUNTEER)
                .map(Grant::communityId).collect(Collectors.toSet());
        boolean checkedDatabase = false;
        try {
            for (int attempt = 0; attempt < 4; attempt++) {
                Outcome outcome = gate.take(shiftId, caller.userId(), System.currentTimeMillis(), allowed);
                if (outcome == Outcome.OK) {
                    return true;
                }
                if (REBUILD.contains(outcome)) {
                    rebuild(outcome, shiftId, caller.userId());
                } else if (outcome == Outcome.FORBIDDEN && !checkedDatabase) {
                    // The token may predate the approval: the database is the truth.
                    checkedDatabase = true;
                    allowed.add(approvedCommunity(caller, shiftId));
                } else {
                    throw new ApiException(outcome == Outcome.FORBIDDEN ? ShiftError.VOLUNTEER_REQUIRED
                            : ShiftError.valueOf(outcome.name()));
                }
            }
            throw new IllegalStateException("claim gate state kept disappearing");
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException redisDown) {
            Log.warnf("claim gate unavailable (%s); shift=%s goes to the database alone", redisDown.getClass().getSimpleName(), shiftId);
            return false;
        }
    }

    /** The shift's community if the caller is an approved volunteer there (per the database); else 403. */
    private UUID approvedCommunity(Caller caller, UUID shiftId) {
        UUID community = shift(shiftId).getCommunityId();
        return volunteers.approvedVolunteerId(caller.userId(), community)
                .map(v -> community)
                .orElseThrow(() -> new ApiException(ShiftError.VOLUNTEER_REQUIRED));
    }

    private void rebuild(Outcome missing, UUID shiftId, UUID userId) {
        long now = System.currentTimeMillis();
        if (missing == Outcome.NO_SHIFT_STATE) {
            gate.loadShift(shift(shiftId), claims.claimants(shiftId), now);
        } else {
            gate.loadUser(userId, claims.heldTimes(userId, OffsetDateTime.now()).stream()
                    .map(r -> new ClaimGate.Held((UUID) r[0], ((OffsetDateTime) r[1]).toInstant().toEpochMilli(),
                            ((OffsetDateTime) r[2]).toInstant().toEpochMilli()))
                    .toList());
        }
    }

    /** The database refused what Redis let through: give the slot back and resync Redis from the database. */
    private void undo(UUID shiftId, UUID userId) {
        safely(() -> {
            gate.release(shiftId, userId);
            gate.forget(shiftId, userId);
        });
    }

    private static void safely(Runnable redisWork) {
        try {
            redisWork.run();
        } catch (RuntimeException e) {
            Log.warnf("claim gate update skipped: %s", e.getClass().getSimpleName());
        }
    }

    private Shift shift(UUID shiftId) {
        return shifts.findByIdOptional(shiftId).orElseThrow(() -> new ApiException(ShiftError.SHIFT_NOT_FOUND));
    }

    private ClaimView reloaded(ShiftClaim claim) {
        claims.getEntityManager().refresh(claim);
        return ClaimView.from(claim);
    }
}
