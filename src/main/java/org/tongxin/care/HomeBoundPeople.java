package org.tongxin.care;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.PiiCipher;
import org.tongxin.org.HomeBound;
import org.tongxin.org.OrgService;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.AuditTrail;

/**
 * Care's answer to {@link HomeBound}: the vulnerable register's people and the open HOME_SAMPLING
 * requests of a community, as far as the caller's scope reaches — the register's rule: grid workers
 * and staff in scope only, never volunteers or residents (they get nothing here).
 */
@ApplicationScoped
class HomeBoundPeople implements HomeBound {

    private static final List<CareRequest.Status> OPEN = List.of(CareRequest.Status.SUBMITTED, CareRequest.Status.TRIAGED,
            CareRequest.Status.ASSIGNED, CareRequest.Status.ACCEPTED);

    private final VulnerableRepository register;
    private final CareRequestRepository requests;
    private final OrgService org;
    private final ScopeGuard scope;
    private final PiiCipher pii;
    private final AuditTrail audit;

    HomeBoundPeople(VulnerableRepository register, CareRequestRepository requests, OrgService org, ScopeGuard scope, PiiCipher pii,
                    AuditTrail audit) {
        this.register = register;
        this.requests = requests;
        this.org = org;
        this.scope = scope;
        this.pii = pii;
        this.audit = audit;
    }

    @Override
    public List<Visit> visibleTo(Caller caller, UUID communityId) {
        ScopeGuard.Reach reach = scope.reachIn(caller, Role.GRID_WORKER, org.locateCommunity(communityId));
        if (reach.nowhere()) {
            return List.of();
        }
        List<Visit> visits = new ArrayList<>();
        List<VulnerablePerson> entries = register.ofCommunity(communityId, reach).list();
        audit.read(caller, AuditKind.REGISTER, entries.stream().map(VulnerablePerson::getId).toList());
        entries.forEach(p -> visits.add(new Visit(p.getHouseholdId(), p.name(pii.reader(p.getId())), Source.REGISTER)));
        requests.ofCommunity(communityId, reach, null, null, CareRequest.Type.HOME_SAMPLING, null).list().stream()
                .filter(r -> OPEN.contains(r.getStatus()))
                .forEach(r -> visits.add(new Visit(r.getHouseholdId(), null, Source.CARE_REQUEST)));
        return visits;
    }
}
