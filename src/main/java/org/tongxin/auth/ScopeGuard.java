package org.tongxin.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.OrgLocation;

/**
 * The one scope check every feature uses: "may this caller act, as at least this staff role, on
 * this place?" A grant covers its own scope and everything beneath it; a higher rung on the
 * staff ladder includes the lower ones (a street admin may do what community staff may, inside
 * the street).
 */
@ApplicationScoped
public class ScopeGuard {

    /** True when one of the caller's staff grants is at least {@code minimum} and covers {@code where}. */
    public boolean allows(Caller caller, Role minimum, OrgLocation where) {
        return caller.grants().stream().anyMatch(g -> g.role().atLeast(minimum)
                && g.covers(where.streetId(), where.communityId(), where.gridId()));
    }

    /** Refuses with 403 FORBIDDEN unless {@link #allows}. */
    public void require(Caller caller, Role minimum, OrgLocation where) {
        if (!allows(caller, minimum, where)) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
    }

    /**
     * Whether the caller may hand out, or take back, {@code target}: a role at or below one of
     * theirs, in a place one of their grants covers. Invitations and revocations share this rule.
     */
    public boolean mayManage(Caller caller, Grant target) {
        return caller.grants().stream().anyMatch(g -> g.role().mayInvite(target.role())
                && g.covers(target.streetId(), target.communityId(), target.gridId()));
    }

    /**
     * True when the caller works in the community as staff: a grant of grid worker or above that
     * covers it, or a grid worker's grant for one of its grids.
     */
    public boolean worksIn(Caller caller, OrgLocation community) {
        return allows(caller, Role.GRID_WORKER, community) || holdsIn(caller, Role.GRID_WORKER, community.communityId());
    }

    /**
     * How far into a community the caller's staff grants (at least {@code minimum}) reach: all of
     * it, some of its grids, or nowhere. Lists filter by this in SQL ({@code grid_id IN ...}), so a
     * page holds only rows the caller may see.
     */
    public Reach reachIn(Caller caller, Role minimum, OrgLocation community) {
        if (allows(caller, minimum, community)) {
            return new Reach(true, Set.of());
        }
        return new Reach(false, caller.grants().stream()
                .filter(g -> g.role().atLeast(minimum) && g.role().level() == Role.Level.GRID
                        && community.communityId().equals(g.communityId()))
                .map(Grant::gridId).collect(Collectors.toUnmodifiableSet()));
    }

    /** See {@link #reachIn}: the whole community, or these of its grids (none: nowhere). */
    public record Reach(boolean whole, Set<UUID> grids) {

        public boolean nowhere() {
            return !whole && grids.isEmpty();
        }
    }

    /** True when the caller holds {@code role} (VOLUNTEER, SUPPLIER...) in exactly that community. */
    public boolean holdsIn(Caller caller, Role role, UUID communityId) {
        return caller.grants().stream().anyMatch(g -> g.role() == role && communityId.equals(g.communityId()));
    }
}
