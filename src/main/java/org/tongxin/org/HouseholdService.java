package org.tongxin.org;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.Hashing;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.Page;
import org.tongxin.common.RateLimiter;
import org.tongxin.common.SqlErrors;
import org.tongxin.org.OrgDtos.*;

/**
 * Households (户) and how residents bind to them. A grid worker registers the flats of a
 * building; each gets a join code, printed or read out to the family, which a resident types
 * into the mini-program to join the household.
 */
@ApplicationScoped
public class HouseholdService {

    private static final int JOIN_CODE_LENGTH = 8;
    private static final int JOIN_ATTEMPTS_PER_MINUTE = 10;

    private final HouseholdRepository households;
    private final OrgService org;
    private final ScopeGuard scope;
    private final AccountService accounts;
    private final RateLimiter rateLimiter;

    HouseholdService(HouseholdRepository households, OrgService org, ScopeGuard scope, AccountService accounts,
                     RateLimiter rateLimiter) {
        this.households = households;
        this.org = org;
        this.scope = scope;
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
    }

    @Transactional
    public HouseholdView create(Caller caller, UUID buildingId, @NotNull @Valid CreateHousehold req) {
        scope.require(caller, Role.GRID_WORKER, org.locateBuilding(buildingId));
        if (households.roomTaken(buildingId, req.room())) {
            throw new ApiException(OrgError.ROOM_TAKEN);
        }
        Household h = new Household(buildingId, req.room(), freshJoinCode());
        SqlErrors.insertUnique(OrgError.ROOM_TAKEN, () -> households.persistAndFlush(h));
        Log.infof("household created id=%s building=%s", h.getId(), buildingId);
        return HouseholdView.from(h);
    }

    /** The households of a building with their join codes, for staff who hand the codes out. */
    public Page<HouseholdView> list(Caller caller, UUID buildingId, int page, int size) {
        scope.require(caller, Role.GRID_WORKER, org.locateBuilding(buildingId));
        return Page.of(households.ofBuilding(buildingId), page, size, HouseholdView::from);
    }

    /** Binds the caller to the household whose join code they typed; attempts are rate-limited. */
    @Transactional
    public HouseholdBinding join(Caller caller, @NotNull @Valid JoinHousehold req) {
        rateLimiter.acquire("join:" + caller.userId(), JOIN_ATTEMPTS_PER_MINUTE, 60_000);
        Household h = households.findByJoinCode(req.joinCode().trim().toUpperCase())
                .orElseThrow(() -> new ApiException(OrgError.JOIN_CODE_INVALID));
        OrgLocation where = locate(h.getId());
        accounts.bindHousehold(caller.userId(), h.getId());
        Log.infof("user joined household user=%s household=%s", caller.userId(), h.getId());
        return new HouseholdBinding(h.getId(), where.buildingId(), where.communityId());
    }

    public OrgLocation locate(UUID householdId) {
        return households.locate(householdId).orElseThrow(() -> new ApiException(OrgError.HOUSEHOLD_NOT_FOUND));
    }

    private String freshJoinCode() {
        String code;
        do {
            code = Hashing.randomCode(JOIN_CODE_LENGTH);
        } while (households.joinCodeTaken(code));
        return code;
    }
}
