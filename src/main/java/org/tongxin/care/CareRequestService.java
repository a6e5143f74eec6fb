package org.tongxin.care;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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
import org.tongxin.common.PiiCipher;
import org.tongxin.common.RateLimiter;
import org.tongxin.common.SealedColumn;
import org.tongxin.notice.NoticeOutbox;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgService;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.AuditTrail;

/**
 * Care requests (求助), docs/care.md: filed by a resident for their household or by a grid
 * worker / staff for any household in scope; triaged and assigned by staff; accepted and completed
 * by the assignee alone; confirmed by the household alone; cancelled from the early states by the
 * household or staff. Each step is a conditional update (409 BAD_TRANSITION out of order). Whoever
 * may not see a request gets 404, whoever sees it but may not take the step 403. An EMERGENCY
 * starts at P1 and is announced to the community's staff in the same transaction.
 */
@ApplicationScoped
public class CareRequestService {

    private final CareRequestRepository requests;
    private final VulnerableService register;
    private final AccountService accounts;
    private final HouseholdService households;
    private final OrgService org;
    private final CareAssignees assignees;
    private final ScopeGuard scope;
    private final NoticeOutbox notices;
    private final PiiCipher pii;
    private final AuditTrail audit;
    private final RateLimiter rateLimiter;
    private final CareConfig config;
    private final Clock clock;

    CareRequestService(CareRequestRepository requests, VulnerableService register, AccountService accounts,
                       HouseholdService households, OrgService org, CareAssignees assignees, ScopeGuard scope,
                       NoticeOutbox notices, PiiCipher pii, AuditTrail audit, RateLimiter rateLimiter, CareConfig config,
                       Clock clock) {
        this.requests = requests;
        this.register = register;
        this.accounts = accounts;
        this.households = households;
        this.org = org;
        this.assignees = assignees;
        this.scope = scope;
        this.notices = notices;
        this.pii = pii;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public CareRequestView file(Caller caller, @NotNull @Valid FileRequest req) {
        Optional<UUID> own = accounts.householdOf(caller.userId());
        UUID householdId = req.householdId() != null ? req.householdId()
                : own.orElseThrow(() -> new ApiException(CareError.HOUSEHOLD_REQUIRED));
        OrgLocation household = households.locate(householdId);
        if (!householdId.equals(own.orElse(null))) {
            scope.require(caller, Role.GRID_WORKER, household);
        }
        boolean emergency = req.type() == CareRequest.Type.EMERGENCY;
        if (emergency) {
            rateLimiter.acquire("care:emergency:" + householdId, config.emergenciesPerHour(), Duration.ofHours(1).toMillis(),
                    CareError.EMERGENCY_LIMIT);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CareRequest request = new CareRequest(household, req.type(), req.description().strip(),
                emergency ? CareRequest.Priority.P1 : null, register.registered(householdId), caller.userId(), now, pii);
        requests.persist(request);
        if (!householdId.equals(own.orElse(null))) {
            audit.wrote(caller, AuditKind.CARE_REQUEST, List.of(request.getId())); // filed for a household by its grid worker or staff
        }
        if (emergency) {
            notices.toUsers("care-emergency:" + request.getId(), accounts.communityStaff(household.communityId()),
                    "紧急求助待处理", "社区有一条紧急求助（P1），请立即在小程序中查看并指派。", now);
        }
        Log.infof("care request filed id=%s household=%s type=%s", request.getId(), householdId, req.type());
        return view(request, caller);
    }

    public CareRequestView get(Caller caller, UUID id) {
        CareRequest r = visible(caller, id);
        return audited(caller, view(r, caller));
    }

    /** The requests of the caller's household, newest first (empty without a household). */
    public Page<CareRequestView> mine(Caller caller, int page, int size) {
        return accounts.householdOf(caller.userId())
                .map(h -> Page.of(requests.ofHousehold(h), page, size, r -> view(r, caller)))
                .orElse(new Page<>(List.of(), page, size, 0));
    }

    /** The caller's open assignments (a revoked role's went back to triage when it was revoked). */
    public Page<CareRequestView> assigned(Caller caller, int page, int size) {
        return audited(caller, Page.of(requests.assignedTo(caller.userId()), page, size, r -> view(r, caller)));
    }

    /**
     * The community's requests in the caller's scope (a grid worker: their grids), escalated first;
     * optional filters. Filtered and paged in SQL; only the page's descriptions are opened.
     */
    public Page<CareRequestView> ofCommunity(Caller caller, UUID communityId, CareRequest.Status status,
                                             CareRequest.Priority priority, CareRequest.Type type, Boolean escalated,
                                             int page, int size) {
        ScopeGuard.Reach reach = reachIn(caller, communityId);
        return audited(caller, Page.of(requests.ofCommunity(communityId, reach, status, priority, type, escalated), page, size,
                r -> view(r, caller)));
    }

    /** How many of the community's requests in the caller's reach are in each status, every status listed (0 too). */
    public List<StatusCount> countByStatus(Caller caller, UUID communityId) {
        ScopeGuard.Reach reach = reachIn(caller, communityId);
        var counts = requests.countByStatus(communityId, reach);
        return java.util.Arrays.stream(CareRequest.Status.values()).map(s -> new StatusCount(s,
                counts.stream().filter(c -> c.status() == s).mapToLong(StatusCount::count).sum())).toList();
    }

    /**
     * Whom the caller may assign the community's requests to: its approved volunteers, then its grid
     * workers (for a grid worker, those of the grids they work in). Each assignment is checked again
     * against the request (ASSIGNEE_NOT_ELIGIBLE: a grid worker only for their grid).
     */
    public List<Assignee> assignees(Caller caller, UUID communityId) {
        return assignees.candidates(caller, communityId, reachIn(caller, communityId));
    }

    private ScopeGuard.Reach reachIn(Caller caller, UUID communityId) {
        ScopeGuard.Reach reach = scope.reachIn(caller, Role.GRID_WORKER, org.locateCommunity(communityId));
        if (reach.nowhere()) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        return reach;
    }

    @Transactional
    public CareRequestView triage(Caller caller, UUID id, @NotNull @Valid Triage req) {
        CareRequest r = asStaff(caller, id);
        step(requests.triage(id, req.priority(), now()));
        return done(r, caller, "triaged");
    }

    @Transactional
    public CareRequestView assign(Caller caller, UUID id, @NotNull @Valid Assign req) {
        CareRequest r = asStaff(caller, id);
        if (!assignees.eligible(req.assigneeId(), r)) {
            throw new ApiException(CareError.ASSIGNEE_NOT_ELIGIBLE);
        }
        step(requests.assign(id, req.assigneeId(), now()));
        return done(r, caller, "assigned");
    }

    @Transactional
    public CareRequestView accept(Caller caller, UUID id) {
        CareRequest r = asAssignee(caller, id);
        step(requests.accept(id, caller.userId(), now()));
        tellRequester(r, "accepted", "您的求助已有人接单", "志愿者或网格员已接单，将尽快为您处理，请保持电话畅通。");
        return done(r, caller, "accepted");
    }

    @Transactional
    public CareRequestView complete(Caller caller, UUID id, @NotNull @Valid Complete req) {
        CareRequest r = asAssignee(caller, id);
        step(requests.complete(id, caller.userId(), pii.seal(SealedColumn.CARE_COMPLETION_NOTE, id, req.note().strip()), now()));
        tellRequester(r, "completed", "您的求助已办结", "您的求助已处理完毕，请在小程序中确认并评价。");
        return done(r, caller, "completed");
    }

    @Transactional
    public CareRequestView confirm(Caller caller, UUID id, @NotNull @Valid Confirm req) {
        CareRequest r = visible(caller, id);
        if (!ownHousehold(caller, r)) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        step(requests.confirm(id, req.rating(), req.comment() == null ? null : req.comment().strip(), now()));
        return done(r, caller, "confirmed");
    }

    @Transactional
    public CareRequestView cancel(Caller caller, UUID id) {
        CareRequest r = visible(caller, id);
        if (!ownHousehold(caller, r) && !scope.allows(caller, Role.GRID_WORKER, r.place())) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        step(requests.cancel(id, now()));
        return done(r, caller, "cancelled");
    }

    /** Tells whoever filed the request (a resident, or the grid worker on their behalf), in this transaction. */
    private void tellRequester(CareRequest r, String step, String title, String body) {
        notices.toUsers("care-" + step + ":" + r.getId(), java.util.List.of(r.getFiledBy()), title, body, now());
    }

    private CareRequest visible(Caller caller, UUID id) {
        CareRequest r = requests.findByIdOptional(id).orElseThrow(() -> new ApiException(CareError.CARE_REQUEST_NOT_FOUND));
        if (ownHousehold(caller, r) || scope.allows(caller, Role.GRID_WORKER, r.place()) || assignees.isAssignee(caller.userId(), r)) {
            return r;
        }
        throw new ApiException(CareError.CARE_REQUEST_NOT_FOUND);
    }

    private CareRequest asStaff(Caller caller, UUID id) {
        CareRequest r = visible(caller, id);
        scope.require(caller, Role.GRID_WORKER, r.place());
        return r;
    }

    private CareRequest asAssignee(Caller caller, UUID id) {
        CareRequest r = visible(caller, id);
        if (!assignees.isAssignee(caller.userId(), r)) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        return r;
    }

    private boolean ownHousehold(Caller caller, CareRequest r) {
        return accounts.householdOf(caller.userId()).filter(r.getHouseholdId()::equals).isPresent();
    }

    private static void step(boolean done) {
        if (!done) {
            throw new ApiException(CareError.BAD_TRANSITION);
        }
    }

    private CareRequestView done(CareRequest r, Caller caller, String what) {
        Log.infof("care request %s id=%s by=%s", what, r.getId(), caller.userId());
        return audited(caller, view(requests.reloaded(r), caller));
    }

    /**
     * Reports the requests' sealed fields read by someone outside their household (staff, the
     * assignee) to the audit trail, in the read's transaction; the household's own reads are not.
     */
    private Page<CareRequestView> audited(Caller caller, Page<CareRequestView> page) {
        UUID own = accounts.householdOf(caller.userId()).orElse(null);
        audit.read(caller, AuditKind.CARE_REQUEST, page.items().stream().filter(v -> !v.householdId().equals(own))
                .map(CareRequestView::id).toList());
        return page;
    }

    private CareRequestView audited(Caller caller, CareRequestView view) {
        audited(caller, new Page<>(List.of(view), 0, 1, 1));
        return view;
    }

    private CareRequestView view(CareRequest r, Caller caller) {
        // Whether the household is on the vulnerable register is for staff in scope, not for the assignee.
        boolean staffSide = scope.allows(caller, Role.GRID_WORKER, r.place());
        return CareRequestView.of(r, pii, staffSide ? r.isRegistered() : null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
