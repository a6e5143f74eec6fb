package org.tongxin.org;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.common.OrgLocation;

/** Households and their join codes. */
@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    public boolean roomTaken(UUID buildingId, String room) {
        return count("buildingId = ?1 and room = ?2", buildingId, room) > 0;
    }

    public boolean joinCodeTaken(String joinCode) {
        return count("joinCode", joinCode) > 0;
    }

    public PanacheQuery<Household> ofBuilding(UUID buildingId) {
        return find("buildingId = ?1 order by room", buildingId);
    }

    public Optional<Household> findByJoinCode(String joinCode) {
        return find("joinCode", joinCode).firstResultOptional();
    }

    public Optional<OrgLocation> locate(UUID householdId) {
        return getEntityManager().createQuery("""
                select new org.tongxin.common.OrgLocation(c.streetId, c.id, g.id, b.id, h.id)
                from Household h, Building b, Grid g, Community c
                where h.id = :id and b.id = h.buildingId and g.id = b.gridId and c.id = g.communityId""",
                OrgLocation.class)
                .setParameter("id", householdId)
                .getResultStream().findFirst();
    }
}
