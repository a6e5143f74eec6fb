package org.tongxin.org;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Collection;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.ClientAddress;
import org.tongxin.common.Hashing;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.Page;
import org.tongxin.common.PlaceError;
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

    /** 12 characters of a 32-letter alphabet: 60 bits, so that guessing any of a million codes stays hopeless. */
    static final int JOIN_CODE_LENGTH = 12;

    private final HouseholdRepository households;
    private final OrgService org;
    private final ScopeGuard scope;
    private final AccountService accounts;
    private final RateLimiter rateLimiter;
    private final ClientAddress address;
    private final OrgConfig config;

    HouseholdService(HouseholdRepository households, OrgService org, ScopeGuard scope, AccountService accounts,
                     RateLimiter rateLimiter, ClientAddress address, OrgConfig config) {
        this.households = households;
        this.org = org;
        this.scope = scope;
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
        this.address = address;
        this.config = config;
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

    /**
     * Binds the caller to the household whose join code they typed (dashes and spaces ignored),
     * leaving the one they were in. Attempts are limited per user and per address; a household
     * takes at most {@code tongxin.org.household-members} people, counted by a conditional update.
     */
    @Transactional
    public HouseholdBinding join(Caller caller, @NotNull @Valid JoinHousehold req) {
        rateLimiter.perMinute("join:user:" + caller.userId(), config.joinPerUser());
        rateLimiter.perMinute("join:addr:" + address.get(), config.joinPerAddress());
        String code = req.joinCode().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        Household h = households.findByJoinCode(code).orElseThrow(() -> new ApiException(OrgError.JOIN_CODE_INVALID));
        OrgLocation where = locate(h.getId());
        Optional<UUID> previous = accounts.moveToHousehold(caller.userId(), h.getId());
        if (!previous.equals(Optional.of(h.getId()))) {
            // Both households' rows in id order, so that two people moving opposite ways cannot deadlock.
            boolean leaveFirst = previous.isPresent() && previous.get().compareTo(h.getId()) < 0;
            if (leaveFirst) {
                households.removeMember(previous.get());
            }
            if (!households.addMember(h.getId(), config.householdMembers())) {
                throw new ApiException(OrgError.HOUSEHOLD_FULL); // rolls the move back
            }
            if (!leaveFirst) {
                previous.ifPresent(households::removeMember);
            }
            Log.infof("user joined household user=%s household=%s", caller.userId(), h.getId());
        }
        return new HouseholdBinding(h.getId(), where.buildingId(), where.communityId());
    }

    /** A new join code for a household (the old one stops working); members who joined stay. */
    @Transactional
    public HouseholdView rotateJoinCode(Caller caller, UUID householdId) {
        scope.require(caller, Role.GRID_WORKER, locate(householdId));
        households.setJoinCode(householdId, freshJoinCode());
        Log.infof("household join code rotated id=%s by=%s", householdId, caller.userId());
        return HouseholdView.from(households.reloaded(households.findById(householdId)));
    }

    /** Building and room of each household, for sheets that list them. */
    public Map<UUID, HouseholdLabel> labels(Collection<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        return households.labels(householdIds).stream().collect(Collectors.toMap(HouseholdLabel::householdId, l -> l));
    }

    /** Building and room of every household of a place: a grid, or a building of it ({@code place.buildingId()} set). */
    public List<HouseholdLabel> labelsIn(OrgLocation place) {
        return households.labelsIn(place.gridId(), place.buildingId());
    }

    public OrgLocation locate(UUID householdId) {
        return households.locate(householdId).orElseThrow(() -> new ApiException(PlaceError.HOUSEHOLD_NOT_FOUND));
    }

    /** Whether the person belongs to a household of the community (a resident there). */
    public boolean livesIn(UUID userId, UUID communityId) {
        return accounts.householdOf(userId).flatMap(households::locate).map(h -> communityId.equals(h.communityId()))
                .orElse(false);
    }

    private String freshJoinCode() {
        String code;
        do {
            code = Hashing.randomCode(JOIN_CODE_LENGTH);
        } while (households.joinCodeTaken(code));
        return code;
    }
}
