package org.tongxin.care;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.care.CareDtos.*;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.Page;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgService;

/**
 * Donations and care packages: staff record what donors gave and hand it out as packages to
 * households; a volunteer of the community or a grid worker delivers each package. An allocation is
 * all or nothing: every item × every household is taken from stock by a conditional update, items
 * in one order for every allocation (no deadlock), and any shortfall (409 DONATION_SHORT) rolls
 * the whole allocation back — concurrent allocations never overdraw an item.
 */
@ApplicationScoped
public class DonationService {

    private final DonationRepository donations;
    private final CarePackageRepository packages;
    private final HouseholdService households;
    private final AccountService accounts;
    private final OrgService org;
    private final ScopeGuard scope;
    private final Clock clock;

    DonationService(DonationRepository donations, CarePackageRepository packages, HouseholdService households,
                    AccountService accounts, OrgService org, ScopeGuard scope, Clock clock) {
        this.donations = donations;
        this.packages = packages;
        this.households = households;
        this.accounts = accounts;
        this.org = org;
        this.scope = scope;
        this.clock = clock;
    }

    @Transactional
    public DonationView record(Caller caller, @NotNull @Valid RecordDonation req) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(req.communityId()));
        Donation donation = new Donation(req.communityId(), req.donor().strip(), caller.userId(), OffsetDateTime.now(clock));
        donations.persistAndFlush(donation);
        req.items().forEach(i -> donations.addItem(donation.getId(), i.name().strip(), i.unit().strip(), i.quantity()));
        Log.infof("donation recorded id=%s community=%s items=%d", donation.getId(), req.communityId(), req.items().size());
        return view(donation);
    }

    public DonationView get(Caller caller, UUID donationId) {
        Donation donation = donations.findByIdOptional(donationId).orElseThrow(() -> new ApiException(CareError.DONATION_NOT_FOUND));
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(donation.getCommunityId()));
        return view(donation);
    }

    @Transactional
    public Allocated allocate(Caller caller, @NotNull @Valid AllocatePackages req) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(req.communityId()));
        List<UUID> targets = req.householdIds().stream().distinct().toList();
        for (UUID household : targets) {
            if (!req.communityId().equals(households.locate(household).communityId())) {
                throw new ApiException(CareError.HOUSEHOLD_ELSEWHERE);
            }
        }
        // Merged per item, in the order PostgreSQL sorts uuids (their text), the same for every allocation.
        Map<String, Integer> perHousehold = new TreeMap<>();
        req.items().forEach(i -> perHousehold.merge(i.donationItemId().toString(), i.quantity(), Integer::sum));
        List<UUID> itemIds = perHousehold.keySet().stream().map(UUID::fromString).toList();
        if (donations.itemsOfCommunity(itemIds, req.communityId()) != itemIds.size()) {
            throw new ApiException(CareError.ITEM_ELSEWHERE);
        }
        for (var item : perHousehold.entrySet()) {
            if (!donations.take(UUID.fromString(item.getKey()), item.getValue() * targets.size())) {
                throw new ApiException(CareError.DONATION_SHORT); // rolls back what was taken
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<UUID> ids = new ArrayList<>();
        for (UUID household : targets) {
            CarePackage p = new CarePackage(req.communityId(), household, caller.userId(), now);
            packages.persistAndFlush(p);
            perHousehold.forEach((item, quantity) -> donations.addToPackage(p.getId(), UUID.fromString(item), quantity));
            ids.add(p.getId());
        }
        Log.infof("care packages allocated community=%s households=%d items=%d", req.communityId(), targets.size(), itemIds.size());
        return new Allocated(ids);
    }

    /** A volunteer of the community or a grid worker (or staff) of the household hands the package over. */
    @Transactional
    public List<PackageLine> deliver(Caller caller, UUID packageId) {
        CarePackage p = packages.findByIdOptional(packageId).orElseThrow(() -> new ApiException(CareError.PACKAGE_NOT_FOUND));
        OrgLocation household = households.locate(p.getHouseholdId());
        if (!scope.holdsIn(caller, Role.VOLUNTEER, p.getCommunityId()) && !scope.allows(caller, Role.GRID_WORKER, household)) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        if (!donations.deliver(packageId, caller.userId(), OffsetDateTime.now(clock))) {
            throw new ApiException(CareError.ALREADY_DELIVERED);
        }
        Log.infof("care package delivered id=%s by=%s", packageId, caller.userId());
        return donations.linesOfHousehold(p.getHouseholdId()).stream().filter(l -> l.packageId().equals(packageId)).toList();
    }

    /** The community's packages still to deliver, a page of their lines: for its volunteers, grid workers and staff. */
    public Page<PackageLine> toDeliver(Caller caller, UUID communityId, int page, int size) {
        OrgLocation community = org.locateCommunity(communityId);
        if (!scope.holdsIn(caller, Role.VOLUNTEER, communityId) && !scope.worksIn(caller, community)) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        return new Page<>(donations.undeliveredIn(communityId, page, size), page, size, donations.countUndeliveredIn(communityId));
    }

    /** What a household received and when: for the household itself and staff in scope. */
    public List<PackageLine> history(Caller caller, UUID householdId) {
        OrgLocation household = households.locate(householdId);
        boolean own = accounts.householdOf(caller.userId()).filter(householdId::equals).isPresent();
        if (!own && !scope.allows(caller, Role.GRID_WORKER, household)) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        return donations.linesOfHousehold(householdId);
    }

    private DonationView view(Donation d) {
        return new DonationView(d.getId(), d.getCommunityId(), d.getDonor(), d.getReceivedAt(), donations.items(d.getId()),
                donations.linesOfDonation(d.getId()));
    }
}
