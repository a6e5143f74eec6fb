package org.tongxin.org;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tongxin.org.OrgDtos.HouseholdLabel;
import java.util.UUID;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.SqlRows;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;

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

    /** One more member, if the household has room for it; false when it is full. */
    public boolean addMember(UUID householdId, int cap) {
        return update("members = members + 1 where id = ?1 and members < ?2", householdId, cap) == 1;
    }

    public void removeMember(UUID householdId) {
        update("members = members - 1 where id = ?1 and members > 0", householdId);
    }

    public void setJoinCode(UUID householdId, String joinCode) {
        update("joinCode = ?1 where id = ?2", joinCode, householdId);
    }

    /** The household as the database has it now, after an update changed its row. */
    public Household reloaded(Household h) {
        getEntityManager().refresh(h);
        return h;
    }

    public Optional<Household> findByJoinCode(String joinCode) {
        return find("joinCode", joinCode).firstResultOptional();
    }

    /** Building and room of these households. */
    public List<HouseholdLabel> labels(Collection<UUID> householdIds) {
        return getEntityManager().createQuery("""
                select h.id, b.id, b.name, h.room from Household h, Building b where h.id in :ids and b.id = h.buildingId""",
                HouseholdLabel.class).setParameter("ids", householdIds).getResultList();
    }

    /** Building and room of every household of a grid, or of one building when {@code buildingId} is set. */
    public List<HouseholdLabel> labelsIn(UUID gridId, UUID buildingId) {
        var query = getEntityManager().createQuery("""
                select h.id, b.id, b.name, h.room from Household h, Building b
                where b.id = h.buildingId and b.gridId = :grid""" + (buildingId == null ? "" : " and b.id = :building"),
                HouseholdLabel.class).setParameter("grid", gridId);
        return (buildingId == null ? query : query.setParameter("building", buildingId)).getResultList();
    }

    private static final String RESIDENTS = " FROM app_user u JOIN household h ON h.id = u.household_id"
            + " JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id JOIN community c ON c.id = g.community_id WHERE ";

    /** A resident linked to a household. */
    @RegisterForReflection
    public record Resident(UUID userId, UUID householdId) {}

    /** Residents linked to the scope's households, per community (a stand-down's dry run). */
    public List<PersonalData.Count> residentsIn(PurgeScope scope) {
        return PersonalData.counts(scope.bind(getEntityManager().createNativeQuery("SELECT c.id AS community_id, count(*) AS n"
                + RESIDENTS + scope.where("c.street_id") + " GROUP BY c.id", Tuple.class)));
    }

    /** Up to {@code limit} residents of the scope's households, locked (those locked by others skipped). */
    public List<Resident> lockResidents(PurgeScope scope, int limit) {
        return SqlRows.tuples(scope.bind(getEntityManager().createNativeQuery("SELECT u.id AS user_id, h.id AS household_id"
                + RESIDENTS + scope.where("c.street_id") + " LIMIT :n FOR UPDATE OF u SKIP LOCKED", Tuple.class))
                .setParameter("n", limit)).stream()
                .map(t -> new Resident(t.get("user_id", UUID.class), t.get("household_id", UUID.class))).toList();
    }

    /** Sets the households' resident counts to the residents linked to them now. */
    public void recountMembers(List<UUID> householdIds) {
        getEntityManager().createNativeQuery("""
                UPDATE household h SET members = (SELECT count(*) FROM app_user u WHERE u.household_id = h.id)
                WHERE h.id IN (:households)""").setParameter("households", householdIds).executeUpdate();
    }

    /** A household as its residents' copy of their data shows it: where it is, by name, and how many joined. */
    public Optional<HouseholdCopy> copyOf(UUID householdId) {
        return getEntityManager().createQuery("""
                select h.id, s.name, c.name, g.name, b.name, h.room, h.members
                from Household h, Building b, Grid g, Community c, Street s
                where h.id = :id and b.id = h.buildingId and g.id = b.gridId and c.id = g.communityId and s.id = c.streetId""",
                HouseholdCopy.class).setParameter("id", householdId).getResultStream().findFirst();
    }

    @RegisterForReflection
    public record HouseholdCopy(UUID id, String street, String community, String grid, String building, String room, int members) {}

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
