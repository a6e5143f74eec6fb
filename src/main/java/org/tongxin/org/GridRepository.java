package org.tongxin.org;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.common.OrgLocation;

/** Grids of a community. */
@ApplicationScoped
public class GridRepository implements PanacheRepositoryBase<Grid, UUID> {

    public List<Grid> ofCommunity(UUID communityId) {
        return list("communityId = ?1 order by name", communityId);
    }

    public boolean nameTaken(UUID communityId, String name) {
        return count("communityId = ?1 and name = ?2", communityId, name) > 0;
    }

    public Optional<OrgLocation> locate(UUID gridId) {
        return getEntityManager().createQuery("""
                select new org.tongxin.common.OrgLocation(c.streetId, c.id, g.id, null, null)
                from Grid g, Community c where g.id = :id and c.id = g.communityId""", OrgLocation.class)
                .setParameter("id", gridId)
                .getResultStream().findFirst();
    }
}
