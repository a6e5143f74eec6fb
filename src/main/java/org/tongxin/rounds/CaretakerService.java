package org.tongxin.rounds;

import io.quarkus.logging.Log;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.auth.GrantRevoked;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.OrgLocation;
import org.tongxin.org.HouseholdService;
import org.tongxin.rounds.RoundsDtos.AssignCaretaker;
import org.tongxin.rounds.RoundsDtos.CaretakerView;
import org.tongxin.volunteer.VolunteerService;

/**
 * Which volunteer looks after which household (包户). Lane heads (grid workers) and staff in scope
 * assign an approved volunteer of the household's community; a household has at most one, a
 * volunteer at most {@code tongxin.rounds.caretaker-cap}. A revoked VOLUNTEER role frees the
 * person's households of that community, in the revoking transaction.
 */
@ApplicationScoped
public class CaretakerService {

    private final CaretakerRepository caretakers;
    private final HouseholdService households;
    private final VolunteerService volunteers;
    private final ScopeGuard scope;
    private final RoundsConfig config;
    private final Clock clock;

    CaretakerService(CaretakerRepository caretakers, HouseholdService households, VolunteerService volunteers, ScopeGuard scope,
                     RoundsConfig config, Clock clock) {
        this.caretakers = caretakers;
        this.households = households;
        this.volunteers = volunteers;
        this.scope = scope;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public CaretakerView assign(Caller caller, UUID householdId, @NotNull @Valid AssignCaretaker req) {
        OrgLocation household = households.locate(householdId);
        scope.require(caller, Role.GRID_WORKER, household);
        VolunteerService.Approved v = volunteers.approved(req.volunteerId())
                .filter(a -> a.communityId().equals(household.communityId()))
                .orElseThrow(() -> new ApiException(RoundsError.VOLUNTEER_NOT_FOUND));
        caretakers.lockHousehold(householdId);
        boolean same = caretakers.of(householdId).map(k -> k.getVolunteerId().equals(v.volunteerId())).orElse(false);
        if (!same) {
            caretakers.unassign(householdId);
            if (!caretakers.takeLoad(v.volunteerId(), config.caretakerCap())) {
                throw new ApiException(RoundsError.CARETAKER_FULL); // rolls the unassignment back too
            }
            caretakers.assign(householdId, v.volunteerId(), v.userId(), household.communityId(), caller.userId(), OffsetDateTime.now(clock));
            Log.infof("caretaker assigned household=%s volunteer=%s by=%s", householdId, v.volunteerId(), caller.userId());
        }
        return new CaretakerView(householdId, v.volunteerId());
    }

    @Transactional
    public void unassign(Caller caller, UUID householdId) {
        scope.require(caller, Role.GRID_WORKER, households.locate(householdId));
        caretakers.lockHousehold(householdId);
        if (caretakers.unassign(householdId)) {
            Log.infof("caretaker removed household=%s by=%s", householdId, caller.userId());
        }
    }

    /** A revoked VOLUNTEER role frees the person's households in that community. */
    void onRoleRevoked(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) GrantRevoked revoked) {
        if (revoked.grant().role() == Role.VOLUNTEER) {
            int freed = caretakers.freeAll(revoked.userId(), revoked.grant().communityId());
            if (freed > 0) {
                Log.infof("caretaker role revoked user=%s community=%s households freed=%d", revoked.userId(),
                        revoked.grant().communityId(), freed);
            }
        }
    }
}
