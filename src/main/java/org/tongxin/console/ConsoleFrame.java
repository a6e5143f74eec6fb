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
import org.tongxin.org.OrgDtos.CommunitySummary;
import org.tongxin.org.OrgDtos.StreetView;
import org.tongxin.org.OrgService;

/**
 * What every page's header shows: the communities the caller's staff roles reach (a street's
 * admins pick among its communities), the one chosen, the page, and the session's CSRF token for
 * the logout form. Asking for a community out of reach is 403 FORBIDDEN.
 */
@ApplicationScoped
class ConsoleFrame {

    /** A community the caller may pick. */
    @RegisterForReflection
    record Place(UUID id, String name, boolean chosen) {}

    /** The header of a page. */
    @RegisterForReflection
    record Frame(List<Place> communities, UUID communityId, String communityName, String page, String csrf) {}

    private final OrgService org;

    ConsoleFrame(OrgService org) {
        this.org = org;
    }

    Frame of(ConsoleSessions.Session session, UUID asked, String page) {
        List<CommunitySummary> reach = communities(session.caller());
        if (reach.isEmpty()) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        CommunitySummary chosen = asked == null ? reach.get(0)
                : reach.stream().filter(c -> c.id().equals(asked)).findFirst().orElseThrow(() -> new ApiException(CommonError.FORBIDDEN));
        return new Frame(reach.stream().map(c -> new Place(c.id(), c.name(), c == chosen)).toList(), chosen.id(), chosen.name(), page,
                session.csrfToken());
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
