package org.tongxin.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Grant;
import org.tongxin.auth.Role;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.Page;
import org.tongxin.org.OrgDtos.CommunitySummary;
import org.tongxin.org.OrgDtos.StreetView;
import org.tongxin.org.OrgService;
import org.tongxin.volunteer.Volunteer;
import org.tongxin.volunteer.VolunteerDtos.ApplicationView;
import org.tongxin.volunteer.VolunteerDtos.Approve;
import org.tongxin.volunteer.VolunteerDtos.Reject;
import org.tongxin.volunteer.VolunteerService;

/**
 * What the board ("today") shows a staff member, put together from the features' own services with
 * the session's caller: those services check the scope, as they do for the API. The community is the
 * one asked for, or the first of those the caller's roles reach.
 */
@ApplicationScoped
class ConsoleBoard {

    /** A community the caller may pick. */
    @RegisterForReflection
    record Place(UUID id, String name, boolean chosen) {}

    /** The board of one community. */
    @RegisterForReflection
    record Board(List<Place> communities, UUID communityId, String communityName,
                 Page<ApplicationView> applications) {}

    private final OrgService org;
    private final VolunteerService volunteers;

    ConsoleBoard(OrgService org, VolunteerService volunteers) {
        this.org = org;
        this.volunteers = volunteers;
    }

    Board board(Caller caller, UUID asked) {
        List<CommunitySummary> reach = communities(caller);
        if (reach.isEmpty()) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        CommunitySummary chosen = asked == null ? reach.get(0)
                : reach.stream().filter(c -> c.id().equals(asked)).findFirst().orElseThrow(() -> new ApiException(CommonError.FORBIDDEN));
        return new Board(reach.stream().map(c -> new Place(c.id(), c.name(), c == chosen)).toList(), chosen.id(), chosen.name(),
                pendingApplications(caller, chosen.id()));
    }

    /** Applications waiting for a decision; null for those who may not decide them (grid workers). */
    private Page<ApplicationView> pendingApplications(Caller caller, UUID communityId) {
        try {
            return volunteers.applications(caller, communityId, Volunteer.Status.PENDING, 0, 50);
        } catch (ApiException e) {
            if (e.code() == CommonError.FORBIDDEN) {
                return null;
            }
            throw e;
        }
    }

    void approveVolunteer(Caller caller, UUID id, String team) {
        volunteers.approve(caller, id, new Approve(team));
    }

    void rejectVolunteer(Caller caller, UUID id, String reason) {
        volunteers.reject(caller, id, new Reject(reason));
    }

    /** The communities the caller's staff roles reach, in the tree's order (a grid worker's: the community of their grid). */
    private List<CommunitySummary> communities(Caller caller) {
        List<CommunitySummary> out = new ArrayList<>();
        for (StreetView street : org.listStreets()) {
            for (CommunitySummary c : street.communities()) {
                if (caller.grants().stream().anyMatch(g -> reaches(g, street.id(), c.id()))) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean reaches(Grant g, UUID street, UUID community) {
        return g.role().atLeast(Role.GRID_WORKER) && switch (g.role().level()) {
            case DISTRICT -> true;
            case STREET -> street.equals(g.streetId());
            case COMMUNITY, GRID -> community.equals(g.communityId());
            case NONE -> false;
        };
    }
}
