package org.tongxin.volunteer;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Grant;
import org.tongxin.auth.GrantRevoked;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.Page;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SqlErrors;
import org.tongxin.org.OrgService;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.AuditTrail;
import org.tongxin.volunteer.VolunteerDtos.*;

/**
 * Volunteer sign-up (志愿者招募): a resident applies to a community, its staff approve (the applicant
 * gains VOLUNTEER there, optionally in a team such as 党员先锋队) or reject with a reason; a rejected
 * person may apply again. Service minutes accrue from completed checkpoint shifts.
 */
@ApplicationScoped
public class VolunteerService {

    private final VolunteerRepository volunteers;
    private final OrgService org;
    private final ScopeGuard scope;
    private final AccountService accounts;
    private final DutyRoster duties;
    private final Clock clock;
    private final PiiCipher pii;
    private final AuditTrail audit;

    VolunteerService(VolunteerRepository volunteers, OrgService org, ScopeGuard scope, AccountService accounts,
                     DutyRoster duties, Clock clock, PiiCipher pii, AuditTrail audit) {
        this.volunteers = volunteers;
        this.org = org;
        this.scope = scope;
        this.accounts = accounts;
        this.duties = duties;
        this.clock = clock;
        this.pii = pii;
        this.audit = audit;
    }

    /** One open application per person and community; the partial unique index settles races. */
    @Transactional
    public ApplicationView apply(Caller caller, @NotNull @Valid Apply req) {
        org.locateCommunity(req.communityId());
        if (volunteers.hasOpenApplication(caller.userId(), req.communityId())) {
            throw new ApiException(VolunteerError.APPLICATION_EXISTS);
        }
        Volunteer v = new Volunteer(caller.userId(), req.communityId(), req.name().strip(), req.skills(),
                req.partyMember(), req.availability(), req.note(), OffsetDateTime.now(clock), pii);
        SqlErrors.insertUnique(VolunteerError.APPLICATION_EXISTS, () -> volunteers.persistAndFlush(v));
        Log.infof("volunteer application id=%s community=%s", v.getId(), req.communityId());
        return ApplicationView.from(v, pii);
    }

    public Page<ApplicationView> applications(Caller caller, @NotNull UUID communityId, Volunteer.Status status,
                                              int page, int size) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(communityId));
        return audited(caller, Page.of(volunteers.applications(communityId, status), page, size, v -> ApplicationView.from(v, pii)));
    }

    /** Approved volunteers of a community, optionally by team and skill. */
    public Page<ApplicationView> directory(Caller caller, @NotNull UUID communityId, String team, Skill skill,
                                           int page, int size) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(communityId));
        return audited(caller, Page.of(volunteers.directory(communityId, team, skill), page, size, v -> ApplicationView.from(v, pii)));
    }

    /** The community's approved volunteers as people to assign work to (by team, then name), for its staff. */
    public List<ApprovedPerson> approvedPeople(Caller caller, @NotNull UUID communityId) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(communityId));
        return approvedIn(caller, communityId);
    }

    /**
     * As {@link #approvedPeople}, for a feature above that has checked its caller's scope itself
     * (care's assignees); the names read are reported to the audit trail all the same.
     */
    public List<ApprovedPerson> approvedIn(Caller caller, UUID communityId) {
        List<Volunteer> approved = volunteers.directory(communityId, null, null).list();
        audit.read(caller, AuditKind.VOLUNTEER, approved.stream().map(Volunteer::getId).toList());
        return approved.stream().map(v -> new ApprovedPerson(v.getUserId(), v.name(pii.reader(v.getId())), v.getTeam())).toList();
    }

    @Transactional
    public ApplicationView approve(Caller caller, UUID id, @Valid Approve req) {
        Volunteer v = decidable(caller, id);
        String team = req != null && req.team() != null && !req.team().isBlank() ? req.team().strip() : null;
        if (!volunteers.approve(id, team, caller.userId(), OffsetDateTime.now(clock))) {
            throw new ApiException(VolunteerError.APPLICATION_NOT_PENDING);
        }
        OrgLocation where = org.locateCommunity(v.getCommunityId());
        accounts.grant(v.getUserId(), new Grant(Role.VOLUNTEER, where.streetId(), where.communityId(), null));
        Log.infof("volunteer approved id=%s by=%s", id, caller.userId());
        return reloaded(caller, v);
    }

    @Transactional
    public ApplicationView reject(Caller caller, UUID id, @NotNull @Valid Reject req) {
        Volunteer v = decidable(caller, id);
        if (!volunteers.reject(id, req.reason().strip(), caller.userId(), OffsetDateTime.now(clock))) {
            throw new ApiException(VolunteerError.APPLICATION_NOT_PENDING);
        }
        Log.infof("volunteer rejected id=%s by=%s", id, caller.userId());
        return reloaded(caller, v);
    }

    /** The caller's volunteer record with service minutes and the shifts they hold. */
    public MyVolunteer me(Caller caller) {
        Volunteer v = volunteers.latestOf(caller.userId()).orElseThrow(() -> new ApiException(VolunteerError.NOT_A_VOLUNTEER));
        return new MyVolunteer(v.getId(), v.getCommunityId(), v.getStatus(), v.getRejectReason(), v.getTeam(),
                v.getServiceMinutes(), duties.upcomingFor(caller.userId()));
    }

    /** The approved volunteer record of a person in a community: who may claim its shifts. */
    public Optional<UUID> approvedVolunteerId(UUID userId, UUID communityId) {
        return volunteers.approvedId(userId, communityId);
    }

    /** An approved volunteer: who they are and which community they serve. */
    public record Approved(UUID volunteerId, UUID userId, UUID communityId) {}

    /** The volunteer record {@code volunteerId} while it is APPROVED. */
    public Optional<Approved> approved(UUID volunteerId) {
        return volunteers.findByIdOptional(volunteerId).filter(v -> v.getStatus() == Volunteer.Status.APPROVED)
                .map(v -> new Approved(v.getId(), v.getUserId(), v.getCommunityId()));
    }

    /** Names of volunteers by id, for a staff member's report (the roster's claims, no-shows): reported to the audit trail. */
    public Map<UUID, String> names(Caller caller, Collection<UUID> ids) {
        audit.read(caller, AuditKind.VOLUNTEER, ids);
        return names(ids);
    }

    /** Names of volunteers by id, for the service's own messages to staff (a no-show report). */
    public Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        volunteers.byIds(ids).forEach(v -> names.put(v.getId(), v.name(pii.reader(v.getId()))));
        return names;
    }

    /** A revoked VOLUNTEER role ends the volunteer record in that community (kept, as REVOKED, with its minutes). */
    void onRoleRevoked(@Observes GrantRevoked revoked) {
        if (revoked.grant().role() == Role.VOLUNTEER
                && volunteers.revoke(revoked.userId(), revoked.grant().communityId(), OffsetDateTime.now(clock))) {
            Log.infof("volunteer revoked user=%s community=%s", revoked.userId(), revoked.grant().communityId());
        }
    }

    /** Credits minutes served on a shift; joins the caller's transaction. */
    @Transactional
    public void addServiceMinutes(UUID volunteerId, int minutes) {
        if (minutes > 0) {
            volunteers.addServiceMinutes(volunteerId, minutes);
        }
    }

    private Volunteer decidable(Caller caller, UUID id) {
        Volunteer v = volunteers.findByIdOptional(id).orElseThrow(() -> new ApiException(VolunteerError.APPLICATION_NOT_FOUND));
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(v.getCommunityId()));
        return v;
    }

    private ApplicationView reloaded(Caller caller, Volunteer v) {
        audit.read(caller, AuditKind.VOLUNTEER, List.of(v.getId()));
        return ApplicationView.from(volunteers.reloaded(v), pii);
    }

    /** Reports a page of volunteers' records read by staff to the audit trail. */
    private Page<ApplicationView> audited(Caller caller, Page<ApplicationView> page) {
        audit.read(caller, AuditKind.VOLUNTEER, page.items().stream().map(ApplicationView::id).toList());
        return page;
    }
}
