package org.tongxin.shift;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.shift.ShiftDtos.CoverageGap;

/** Shifts. {@code taken} changes only through the two conditional updates here. */
@ApplicationScoped
public class ShiftRepository implements PanacheRepositoryBase<Shift, UUID> {

    /** Creates a shift unless the checkpoint already has one starting then; true when created. */
    public boolean insertIfAbsent(Checkpoint cp, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO shift (id, checkpoint_id, community_id, starts_at, ends_at, capacity)
                VALUES (:id, :cp, :community, :starts, :ends, :capacity)
                ON CONFLICT (checkpoint_id, starts_at) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("cp", cp.getId())
                .setParameter("community", cp.getCommunityId())
                .setParameter("starts", startsAt)
                .setParameter("ends", endsAt)
                .setParameter("capacity", cp.getCapacity())
                .executeUpdate() == 1;
    }

    public void freeSlot(UUID shiftId) {
        getEntityManager().createNativeQuery("UPDATE shift SET taken = taken - 1 WHERE id = :id AND taken > 0")
                .setParameter("id", shiftId).executeUpdate();
    }

    public List<Shift> ofCheckpoint(UUID checkpointId, OffsetDateTime from, OffsetDateTime to) {
        return list("checkpointId = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt", checkpointId, from, to);
    }

    /** The shift at the same checkpoint that ended last before this one started: whose notes this one reads. */
    public Optional<Shift> previous(Shift shift) {
        return find("checkpointId = ?1 and endsAt <= ?2 order by endsAt desc", shift.getCheckpointId(), shift.getStartsAt())
                .firstResultOptional();
    }

    /** Shifts below capacity in a community, soonest first. */
    public List<CoverageGap> gaps(UUID communityId, OffsetDateTime from, OffsetDateTime to) {
        return getEntityManager().createQuery("""
                select s.id, c.id, c.name, s.startsAt, s.endsAt, s.capacity, s.taken, s.capacity - s.taken
                from Shift s, Checkpoint c
                where c.id = s.checkpointId and s.communityId = :community and s.startsAt >= :from and s.startsAt < :to
                  and s.taken < s.capacity
                order by s.startsAt, c.name""", CoverageGap.class)
                .setParameter("community", communityId).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }
}
