package org.tongxin.auth;

import io.quarkus.panache.common.Parameters;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * "Everything within the caller's staff scopes" as a query condition over an entity with
 * {@code streetId}, {@code communityId} and {@code gridId} (a grant's or an invitation's place):
 * a district grant sees all, a street grant its street, and so on down.
 */
record ScopeFilter(String where, Parameters params) {

    static ScopeFilter of(Caller caller) {
        List<Grant> staff = caller.grants().stream().filter(g -> g.role().atLeast(Role.GRID_WORKER)).toList();
        if (staff.stream().anyMatch(g -> g.role().level() == Role.Level.DISTRICT)) {
            return new ScopeFilter("1 = 1", new Parameters());
        }
        List<UUID> streets = ids(staff, Role.Level.STREET, Grant::streetId);
        List<UUID> communities = ids(staff, Role.Level.COMMUNITY, Grant::communityId);
        List<UUID> grids = ids(staff, Role.Level.GRID, Grant::gridId);
        // An impossible id keeps "in" lists non-empty, so the condition stays valid SQL.
        UUID none = new UUID(0, 0);
        return new ScopeFilter("(streetId in :streets or communityId in :communities or gridId in :grids)",
                Parameters.with("streets", orNone(streets, none)).and("communities", orNone(communities, none))
                        .and("grids", orNone(grids, none)));
    }

    private static List<UUID> ids(List<Grant> grants, Role.Level level, Function<Grant, UUID> id) {
        return grants.stream().filter(g -> g.role().level() == level).map(id).toList();
    }

    private static List<UUID> orNone(List<UUID> ids, UUID none) {
        return ids.isEmpty() ? List.of(none) : ids;
    }
}
