package org.tongxin.org;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.common.OrgLocation;

/** Buildings and lanes of a grid. */
@ApplicationScoped
public class BuildingRepository implements PanacheRepositoryBase<Building, UUID> {

    public boolean nameTaken(UUID gridId, String name) {
        return count("gridId = ?1 and name = ?2", gridId, name) > 0;
    }

    public Optional<OrgLocation> locate(UUID buildingId) {
        return getEntityManager().createQuery("""
                select new org.tongxin.common.OrgLocation(c.streetId, c.id, g.id, b.id, null)
                from Building b, Grid g, Community c
                where b.id = :id and g.id = b.gridId and c.id = g.communityId""", OrgLocation.class)
                .setParameter("id", buildingId)
                .getResultStream().findFirst();
    }
}
