package org.tongxin.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.tongxin.auth.AuthDtos.GrantView;

/** Role grants; granting twice is a no-op thanks to the unique index. */
@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<RoleGrant, UUID> {

    /** Who holds {@code role} for exactly this community (not above it). */
    public List<UUID> holdersIn(Role role, UUID communityId) {
        return getEntityManager().createQuery(
                "select distinct g.userId from RoleGrant g where g.role = :role and g.communityId = :c", UUID.class)
                .setParameter("role", role).setParameter("c", communityId).getResultList();
    }

    /** Who holds {@code role} for exactly this community or one of its grids, with their nicknames, by nickname. */
    public List<GrantView> holdersWithin(Role role, UUID communityId) {
        return getEntityManager().createQuery("select g.id, g.userId, u.nickname, g.role, g.streetId, g.communityId, "
                + "g.gridId, g.supplier from RoleGrant g, UserAccount u where u.id = g.userId and g.role = :role and g.communityId = :c "
                + "order by u.nickname, g.id", GrantView.class).setParameter("role", role).setParameter("c", communityId).getResultList();
    }

    public List<Grant> grantsOf(UUID userId) {
        return list("userId", userId).stream().map(RoleGrant::toGrant).toList();
    }

    /** Grants with their holder's nickname, newest last; see {@link ScopeFilter}. */
    public List<GrantView> views(ScopeFilter filter, UUID communityId, Role role, int page, int size) {
        var query = getEntityManager().createQuery("select g.id, g.userId, u.nickname, g.role, g.streetId, g.communityId, "
                + "g.gridId, g.supplier from RoleGrant g, UserAccount u where u.id = g.userId and " + where(filter, communityId, role)
                + " order by g.role, u.nickname, g.id", GrantView.class);
        bind(query, filter, communityId, role);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long countViews(ScopeFilter filter, UUID communityId, Role role) {
        var query = getEntityManager().createQuery("select count(g) from RoleGrant g where "
                + where(filter, communityId, role), Long.class);
        bind(query, filter, communityId, role);
        return query.getSingleResult();
    }

    private static String where(ScopeFilter filter, UUID communityId, Role role) {
        String scope = filter.where().replace("streetId", "g.streetId").replace("communityId", "g.communityId")
                .replace("gridId", "g.gridId");
        return scope + (communityId != null ? " and g.communityId = :community" : "") + (role != null ? " and g.role = :role" : "");
    }

    private static void bind(TypedQuery<?> query, ScopeFilter filter, UUID communityId, Role role) {
        filter.params().map().forEach(query::setParameter);
        if (communityId != null) {
            query.setParameter("community", communityId);
        }
        if (role != null) {
            query.setParameter("role", role);
        }
    }

    /** The supplier a person is a SUPPLIER of in the community, if their grant names one. */
    public Optional<String> supplierIn(UUID userId, UUID communityId) {
        return getEntityManager().createQuery("select g.supplier from RoleGrant g where g.userId = :u and g.role = :r "
                        + "and g.communityId = :c and g.supplier is not null", String.class)
                .setParameter("u", userId).setParameter("r", Role.SUPPLIER).setParameter("c", communityId)
                .getResultStream().findFirst();
    }

    /** {@code supplier}: the supplier a SUPPLIER grant works for, else null. */
    public void grant(UUID userId, Grant g, String supplier) {
        getEntityManager().createNativeQuery("""
                INSERT INTO role_grant (id, user_id, role, street_id, community_id, grid_id, supplier)
                VALUES (:id, :user, :role, :street, :community, :grid, :supplier) ON CONFLICT DO NOTHING""")
                .unwrap(NativeQuery.class)
                .setParameter("id", UUID.randomUUID(), UUID.class)
                .setParameter("user", userId, UUID.class)
                .setParameter("role", g.role().name(), String.class)
                .setParameter("street", g.streetId(), UUID.class)
                .setParameter("community", g.communityId(), UUID.class)
                .setParameter("grid", g.gridId(), UUID.class)
                .setParameter("supplier", supplier, String.class)
                .executeUpdate();
    }
}
