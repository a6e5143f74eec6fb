package org.tongxin.shift;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tongxin.common.ApiException;
import org.tongxin.common.SqlErrors;
import org.tongxin.volunteer.VolunteerService;

/**
 * The database side of claiming and cancelling: the final guard, whatever the Redis gate said.
 * One transaction takes a slot with a conditional update ({@code taken < capacity}, not started)
 * and inserts the claim, which the unique key (one claim per shift and volunteer) and the
 * exclusion constraint (no overlapping shifts per person) may refuse; a refusal rolls both back.
 */
@ApplicationScoped
public class ClaimLedger {

    private final ShiftRepository shifts;
    private final ClaimRepository claims;
    private final VolunteerService volunteers;
    private final Clock clock;

    ClaimLedger(ShiftRepository shifts, ClaimRepository claims, VolunteerService volunteers, Clock clock) {
        this.shifts = shifts;
        this.claims = claims;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    /**
     * Takes a slot, checks the claimant and records the claim; answers the new claim's id. Three
     * statements on the way to success; why a slot could not be taken is looked up only then.
     */
    @Transactional
    public UUID claim(UUID shiftId, UUID userId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID communityId = shifts.takeSlot(shiftId, now).orElseThrow(() -> whyNoSlot(shiftId, userId, now));
        UUID volunteerId = volunteers.approvedVolunteerId(userId, communityId)
                .orElseThrow(() -> new ApiException(ShiftError.VOLUNTEER_REQUIRED)); // rolls the slot back
        UUID id = UUID.randomUUID();
        try {
            claims.insert(id, shiftId, volunteerId, userId);
        } catch (PersistenceException refused) {
            String state = SqlErrors.sqlState(refused).orElse("");
            if (state.equals(SqlErrors.UNIQUE)) {
                throw new ApiException(ShiftError.ALREADY_CLAIMED);
            }
            if (state.equals(SqlErrors.EXCLUSION)) {
                throw new ApiException(ShiftError.SHIFT_OVERLAP);
            }
            throw refused;
        }
        return id;
    }

    /** Why no slot was taken, in the order the API promises: unknown shift, not a volunteer, started, full. */
    private ApiException whyNoSlot(UUID shiftId, UUID userId, OffsetDateTime now) {
        Shift shift = shifts.findByIdOptional(shiftId).orElseThrow(() -> new ApiException(ShiftError.SHIFT_NOT_FOUND));
        if (volunteers.approvedVolunteerId(userId, shift.getCommunityId()).isEmpty()) {
            return new ApiException(ShiftError.VOLUNTEER_REQUIRED);
        }
        boolean started = !shift.getStartsAt().isAfter(now);
        return new ApiException(started ? ShiftError.SHIFT_STARTED : ShiftError.SHIFT_FULL);
    }

    /** Deletes the caller's claim and frees its slot, if the cut-off has not passed. */
    @Transactional
    public void cancel(Shift shift, UUID userId, Duration cutoff) {
        ShiftClaim claim = claimOf(shift.getId(), userId);
        if (claim.getStatus() != ShiftClaim.Status.CLAIMED) {
            throw new ApiException(ShiftError.ALREADY_CHECKED_IN);
        }
        if (!claims.deleteBeforeCutoff(shift.getId(), userId, cutoff, OffsetDateTime.now(clock))) {
            throw new ApiException(ShiftError.CANCEL_TOO_LATE);
        }
        shifts.freeSlot(shift.getId());
    }

    /** The caller's claim on a shift; 404 CLAIM_NOT_FOUND when there is none. */
    ShiftClaim claimOf(UUID shiftId, UUID userId) {
        return claims.of(shiftId, userId).orElseThrow(() -> new ApiException(ShiftError.CLAIM_NOT_FOUND));
    }
}
