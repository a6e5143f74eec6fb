package org.tongxin.shift;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tongxin.common.ApiException;
import org.tongxin.common.OwnTransaction;
import org.tongxin.common.SqlErrors;

/**
 * The database side of claiming and cancelling: the final guard, whatever the Redis gate said.
 * A claim is one statement that is its own transaction ({@code claim_shift}, migration V13): it
 * inserts the claim, which the unique key (one claim per shift and volunteer) and the exclusion
 * constraint (no overlapping shifts per person) may refuse, then takes a slot with a conditional
 * update ({@code taken < capacity}, not started); a refusal rolls both back.
 */
@ApplicationScoped
public class ClaimDatabaseGuard {

    private static final String CLAIM = "SELECT claim_shift(?, ?, ?, ?)";

    private final ShiftRepository shifts;
    private final ClaimRepository claims;
    private final Clock clock;

    ClaimDatabaseGuard(ShiftRepository shifts, ClaimRepository claims, Clock clock) {
        this.shifts = shifts;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * Records the claim and takes a slot, in one call of the {@code claim_shift} function
     * (migration V13) that is its own transaction; answers the new claim's id.
     */
    public UUID claim(UUID shiftId, UUID userId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = UUID.randomUUID();
        try {
            OwnTransaction.run(claims.getEntityManager(), ShiftError.values(), c -> {
                try (PreparedStatement call = c.prepareStatement(CLAIM)) {
                    call.setObject(1, id);
                    call.setObject(2, shiftId);
                    call.setObject(3, userId);
                    call.setObject(4, now);
                    call.execute();
                }
                return id;
            });
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
