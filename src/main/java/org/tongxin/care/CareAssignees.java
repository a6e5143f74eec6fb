package org.tongxin.care;

import io.quarkus.logging.Log;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Caller;
import org.tongxin.auth.GrantRevoked;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.OrgLocation;
import org.tongxin.notice.NoticeOutbox;
import org.tongxin.volunteer.VolunteerService;

/**
 * Who may carry out a care request: an approved volunteer of its community, or a grid worker (or
 * staff) whose scope covers the household. Asked when staff assign, and again on every read and
 * step by the assignee, so access ends with the role; when a role is revoked, the person's open
 * requests they no longer qualify for go back to triage and the community's staff are told, in the
 * revoking transaction.
 */
@ApplicationScoped
class CareAssignees {

    private final CareRequestRepository requests;
    private final AccountService accounts;
    private final VolunteerService volunteers;
    private final NoticeOutbox notices;
    private final Clock clock;

    CareAssignees(CareRequestRepository requests, AccountService accounts, VolunteerService volunteers, NoticeOutbox notices,
                  Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.volunteers = volunteers;
        this.notices = notices;
        this.clock = clock;
    }

    boolean eligible(UUID person, CareRequest r) {
        if (volunteers.approvedVolunteerId(person, r.getCommunityId()).isPresent()) {
            return true;
        }
        OrgLocation where = r.place();
        return accounts.grantsOf(person).stream().anyMatch(g -> g.role().atLeast(Role.GRID_WORKER)
                && g.covers(where.streetId(), where.communityId(), where.gridId()));
    }

    /** The community's approved volunteers, then its grid workers within {@code reach}; see CareRequestService#assignees. */
    List<CareDtos.Assignee> candidates(Caller caller, UUID communityId, ScopeGuard.Reach reach) {
        var people = new java.util.ArrayList<CareDtos.Assignee>();
        volunteers.approvedIn(caller, communityId).forEach(v -> people.add(new CareDtos.Assignee(v.userId(), v.name(), false, v.team(), null)));
        accounts.holdersWithin(Role.GRID_WORKER, communityId).stream()
                .filter(g -> g.gridId() != null && (reach.whole() || reach.grids().contains(g.gridId())))
                .forEach(g -> people.add(new CareDtos.Assignee(g.userId(), g.nickname(), true, null, g.gridId())));
        return people;
    }

    /** Whether the caller is the request's assignee and still qualifies for it. */
    boolean isAssignee(UUID caller, CareRequest r) {
        return caller.equals(r.getAssigneeId()) && eligible(caller, r);
    }

    /** Runs after the volunteer record of a revoked VOLUNTEER has ended (that observer has the default priority). */
    void onRoleRevoked(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) GrantRevoked revoked) {
        UUID person = revoked.userId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<CareRequest> open = requests.assignedTo(person).list();
        for (CareRequest r : open) {
            if (!eligible(person, r) && requests.backToTriage(r.getId(), person)) {
                notices.toUsers("care-unassigned:" + r.getId() + ":" + now.toInstant().toEpochMilli(),
                        accounts.communityStaff(r.getCommunityId()), "求助需重新指派",
                        "一条已指派的求助因承办人的角色被撤销，已退回待指派，请在小程序中重新指派。", now);
                Log.infof("care request back to triage id=%s former=%s (role revoked)", r.getId(), person);
            }
        }
    }
}
