package org.tongxin.care;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.care.CareDtos.RecordVulnerable;
import org.tongxin.care.CareDtos.VulnerableView;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.Page;
import org.tongxin.common.PiiCipher;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgService;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.AuditTrail;

/**
 * The register of people who need looking after (困难群体台账): kept by grid workers and community
 * staff for the households in their scope, read by them alone — never by residents or volunteers.
 * Names and notes are sealed before they are stored and never logged.
 */
@ApplicationScoped
public class VulnerableService {

    private final VulnerableRepository register;
    private final HouseholdService households;
    private final OrgService org;
    private final ScopeGuard scope;
    private final PiiCipher pii;
    private final AuditTrail audit;
    private final Clock clock;

    VulnerableService(VulnerableRepository register, HouseholdService households, OrgService org, ScopeGuard scope,
                      PiiCipher pii, AuditTrail audit, Clock clock) {
        this.register = register;
        this.households = households;
        this.org = org;
        this.scope = scope;
        this.pii = pii;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public VulnerableView record(Caller caller, @NotNull @Valid RecordVulnerable req) {
        OrgLocation household = households.locate(req.householdId());
        scope.require(caller, Role.GRID_WORKER, household);
        String note = req.note() == null || req.note().isBlank() ? null : req.note().strip();
        VulnerablePerson person = new VulnerablePerson(household, req.name().strip(), req.category(), note, caller.userId(),
                OffsetDateTime.now(clock), pii);
        register.persist(person);
        audit.wrote(caller, AuditKind.REGISTER, List.of(person.getId()));
        Log.infof("vulnerable person recorded id=%s household=%s category=%s", person.getId(), req.householdId(), req.category());
        return view(person);
    }

    /**
     * The community's register as far as the caller's scope reaches (a grid worker: their grids),
     * filtered and paged in SQL: only the page's names and notes are opened. Staff of the community
     * (or above it), or a grid worker of one of its grids; anyone else: 403.
     */
    public Page<VulnerableView> ofCommunity(Caller caller, UUID communityId, int page, int size) {
        ScopeGuard.Reach reach = scope.reachIn(caller, Role.GRID_WORKER, org.locateCommunity(communityId));
        if (reach.nowhere()) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        Page<VulnerableView> entries = Page.of(register.ofCommunity(communityId, reach), page, size, this::view);
        audit.read(caller, AuditKind.REGISTER, entries.items().stream().map(VulnerableView::id).toList());
        return entries;
    }

    /** Whether a household has anyone on the register (requests from it are flagged). */
    public boolean registered(UUID householdId) {
        return register.count("place.householdId", householdId) > 0;
    }

    private VulnerableView view(VulnerablePerson p) {
        return VulnerableView.of(p, pii);
    }
}
