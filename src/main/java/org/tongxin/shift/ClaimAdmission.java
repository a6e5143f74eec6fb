package org.tongxin.shift;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Grant;
import org.tongxin.auth.Role;
import org.tongxin.common.ApiException;
import org.tongxin.shift.RedisClaimGate.Outcome;
import org.tongxin.volunteer.VolunteerService;

/**
 * Claim admission: runs a claim through the Redis gate ({@link RedisClaimGate}): rebuilds its state from the database
 * when Redis has lost it, double-checks a refusal that may come from a stale token, maps the
 * script's answers to the API's errors, and gives a slot back when the database refuses what the
 * gate let through. Redis being unreachable is not an error here: the database guard decides alone.
 */
@ApplicationScoped
public class ClaimAdmission {

    /** Enough for both kinds of missing state plus the two database double-checks. */
    private static final int MAX_ATTEMPTS = 5;

    private final RedisClaimGate gate;
    private final ShiftRepository shifts;
    private final ClaimRepository claims;
    private final VolunteerService volunteers;
    private final Clock clock;

    ClaimAdmission(RedisClaimGate gate, ShiftRepository shifts, ClaimRepository claims, VolunteerService volunteers,
                    Clock clock) {
        this.gate = gate;
        this.shifts = shifts;
        this.claims = claims;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    /**
     * True when the gate took a slot for the caller, false when the gate cannot be asked (Redis
     * down, or its state keeps vanishing); throws the refusal as the API's error.
     */
    public boolean admit(Caller caller, UUID shiftId) {
        Set<UUID> allowed = new HashSet<>();
        caller.grants().stream().filter(g -> g.role() == Role.VOLUNTEER).map(Grant::communityId).forEach(allowed::add);
        boolean checkedDatabase = false;
        boolean checkedClaim = false;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Outcome> answer = ask(() -> gate.take(shiftId, caller.userId(), clock.millis(), allowed));
            if (answer.isEmpty()) {
                return false;
            }
            Outcome outcome = answer.get();
            switch (outcome) {
                case OK -> {
                    return true;
                }
                case NO_SHIFT_STATE -> {
                    Shift shift = shift(shiftId);
                    if (!redisDid(() -> gate.loadShift(shift, claims.claimants(shiftId), clock.millis()))) {
                        return false;
                    }
                }
                case NO_USER_STATE -> {
                    var held = claims.heldTimes(caller.userId(), OffsetDateTime.now(clock));
                    if (!redisDid(() -> gate.loadUser(caller.userId(), held))) {
                        return false;
                    }
                }
                case ALREADY_CLAIMED -> {
                    // Rare (a person claiming what they hold), so the database may be asked: a
                    // release that failed after a cancel must not lock the person out of the shift.
                    if (checkedClaim || claims.of(shiftId, caller.userId()).isPresent()) {
                        throw new ApiException(ShiftError.ALREADY_CLAIMED);
                    }
                    checkedClaim = true;
                    if (!redisDid(() -> gate.release(shiftId, caller.userId()))) {
                        return false;
                    }
                }
                case FORBIDDEN -> {
                    if (checkedDatabase) {
                        throw new ApiException(ShiftError.VOLUNTEER_REQUIRED);
                    }
                    // The token may predate the approval: the database is the truth.
                    checkedDatabase = true;
                    allowed.add(approvedCommunity(caller, shiftId));
                }
                default -> throw new ApiException(refusal(outcome));
            }
        }
        Log.warnf("claim gate state for shift=%s kept disappearing; the database decides alone", shiftId);
        return false;
    }

    /** The database refused what the gate let through: give the slot back and resync from the database. */
    public void undo(UUID shiftId, UUID userId) {
        redisDid(() -> {
            gate.release(shiftId, userId);
            gate.forget(shiftId, userId);
        });
    }

    /** The database committed the claim the gate let through: the slot is no longer pending. */
    public void confirm(UUID shiftId, UUID userId) {
        redisDid(() -> gate.confirm(shiftId, userId));
    }

    /** Frees a cancelled claim's slot in the gate. */
    public void release(UUID shiftId, UUID userId) {
        redisDid(() -> gate.release(shiftId, userId));
    }

    /** The gate's refusals as the API names them; the other answers are not refusals. */
    static ShiftError refusal(Outcome outcome) {
        return switch (outcome) {
            case FORBIDDEN -> ShiftError.VOLUNTEER_REQUIRED;
            case SHIFT_STARTED -> ShiftError.SHIFT_STARTED;
            case ALREADY_CLAIMED -> ShiftError.ALREADY_CLAIMED;
            case SHIFT_FULL -> ShiftError.SHIFT_FULL;
            case SHIFT_OVERLAP -> ShiftError.SHIFT_OVERLAP;
            case OK, NO_SHIFT_STATE, NO_USER_STATE -> throw new IllegalArgumentException(outcome + " is not a refusal");
        };
    }

    /** The shift's community if the caller is an approved volunteer there (per the database); else 403. */
    private UUID approvedCommunity(Caller caller, UUID shiftId) {
        UUID community = shift(shiftId).getCommunityId();
        return volunteers.approvedVolunteerId(caller.userId(), community)
                .map(v -> community)
                .orElseThrow(() -> new ApiException(ShiftError.VOLUNTEER_REQUIRED));
    }

    private Shift shift(UUID shiftId) {
        return shifts.findByIdOptional(shiftId).orElseThrow(() -> new ApiException(ShiftError.SHIFT_NOT_FOUND));
    }

    /** Runs Redis work; false when Redis could not do it (logged, never thrown). */
    private static boolean redisDid(Runnable work) {
        return ask(() -> {
            work.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Runs one Redis call; empty when Redis could not answer (logged, never thrown). */
    private static <T> Optional<T> ask(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (RuntimeException unreachable) {
            Log.warnf("claim gate unavailable (%s); the database decides alone", unreachable.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
