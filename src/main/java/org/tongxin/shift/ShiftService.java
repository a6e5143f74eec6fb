package org.tongxin.shift;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.org.OrgService;
import org.tongxin.shift.ShiftDtos.*;
import org.tongxin.volunteer.VolunteerService;

/**
 * Claiming, cancelling and standing checkpoint shifts. A claim passes the Redis gate (fast,
 * shared by all replicas, run by {@link ClaimAdmission}) and then the database guard
 * ({@link ClaimDatabaseGuard}, final); if the database refuses after the gate took a slot, the slot is
 * given back. If Redis is down, claims go on through the database alone: slower, never overbooked.
 */
@ApplicationScoped
public class ShiftService {

    private final ClaimAdmission gatekeeper;
    private final ClaimDatabaseGuard ledger;
    private final ShiftRepository shifts;
    private final ClaimRepository claims;
    private final VolunteerService volunteers;
    private final OrgService org;
    private final ScopeGuard scope;
    private final ShiftConfig config;
    private final Clock clock;

    ShiftService(ClaimAdmission gatekeeper, ClaimDatabaseGuard ledger, ShiftRepository shifts, ClaimRepository claims,
                 VolunteerService volunteers, OrgService org, ScopeGuard scope, ShiftConfig config, Clock clock) {
        this.gatekeeper = gatekeeper;
        this.ledger = ledger;
        this.shifts = shifts;
        this.claims = claims;
        this.volunteers = volunteers;
        this.org = org;
        this.scope = scope;
        this.config = config;
        this.clock = clock;
    }

    public ClaimView claim(Caller caller, UUID shiftId) {
        boolean gated = config.redisGate() && gatekeeper.admit(caller, shiftId);
        UUID claimId;
        try {
            claimId = ledger.claim(shiftId, caller.userId());
        } catch (RuntimeException refused) {
            if (gated) {
                Log.infof("claim gate resync shift=%s user=%s: the database refused (%s)", shiftId, caller.userId(),
                        refused instanceof ApiException api ? api.code().name() : refused.getClass().getSimpleName());
                gatekeeper.undo(shiftId, caller.userId());
            }
            throw refused;
        }
        if (gated) {
            gatekeeper.confirm(shiftId, caller.userId());
        }
        Log.infof("shift claimed shift=%s user=%s", shiftId, caller.userId());
        return new ClaimView(claimId, shiftId, ShiftClaim.Status.CLAIMED, null, null, null);
    }

    /** Cancels the caller's claim until the cut-off (2 h before start by default); frees the slot in both stores. */
    public void cancel(Caller caller, UUID shiftId) {
        Shift shift = shift(shiftId);
        ledger.cancel(shift, caller.userId(), config.cancelCutoff());
        gatekeeper.release(shiftId, caller.userId());
        Log.infof("shift claim cancelled shift=%s user=%s", shiftId, caller.userId());
    }

    /** Check-in by the claimant, from 30 minutes before the start until the end. */
    @Transactional
    public ClaimView checkIn(Caller caller, UUID shiftId) {
        Shift shift = shift(shiftId);
        ShiftClaim claim = ledger.claimOf(shiftId, caller.userId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!claims.checkIn(shiftId, caller.userId(), config.checkInEarly(), now)) {
            if (claim.getStatus() != ShiftClaim.Status.CLAIMED) {
                throw new ApiException(ShiftError.ALREADY_CHECKED_IN);
            }
            boolean ended = !shift.getEndsAt().isAfter(now);
            throw new ApiException(ended ? ShiftError.SHIFT_ENDED : ShiftError.CHECK_IN_TOO_EARLY);
        }
        return ClaimView.from(claims.reloaded(claim));
    }

    /** Check-out: minutes served within the shift's hours go to the volunteer's service minutes, once. */
    @Transactional
    public ClaimView checkOut(Caller caller, UUID shiftId, @Valid CheckOut req) {
        shift(shiftId);
        ShiftClaim claim = ledger.claimOf(shiftId, caller.userId());
        String note = req != null && req.handoverNote() != null && !req.handoverNote().isBlank() ? req.handoverNote().strip() : null;
        int minutes = claims.checkOut(shiftId, caller.userId(), note, OffsetDateTime.now(clock))
                .orElseThrow(() -> new ApiException(ShiftError.NOT_CHECKED_IN));
        volunteers.addServiceMinutes(claim.getVolunteerId(), minutes);
        Log.infof("shift checked out shift=%s user=%s minutes=%d", shiftId, caller.userId(), minutes);
        return ClaimView.from(claims.reloaded(claim));
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

    private Shift shift(UUID shiftId) {
        return shifts.findByIdOptional(shiftId).orElseThrow(() -> new ApiException(ShiftError.SHIFT_NOT_FOUND));
    }
}
