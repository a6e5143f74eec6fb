package org.tongxin.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/** Role grants; granting twice is a no-op thanks to the unique index. */
@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<RoleGrant, UUID> {

    public List<Grant> grantsOf(UUID userId) {
        return list("userId", userId).stream().map(RoleGrant::toGrant).toList();
    }

    public void grant(UUID userId, Grant g) {
        getEntityManager().createNativeQuery("""
                INSERT INTO role_grant (id, user_id, role, street_id, community_id, grid_id)
                VALUES (:id, :user, :role, :street, :community, :grid) ON CONFLICT DO NOTHING""")
                .unwrap(NativeQuery.class)
                .setParameter("id", UUID.randomUUID(), UUID.class)
                .setParameter("user", userId, UUID.class)
                .setParameter("role", g.role().name(), String.class)
                .setParameter("street", g.streetId(), UUID.class)
                .setParameter("community", g.communityId(), UUID.class)
                .setParameter("grid", g.gridId(), UUID.class)
                .executeUpdate();
    }
}
