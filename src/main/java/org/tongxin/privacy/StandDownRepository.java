package org.tongxin.privacy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.tongxin.common.SqlRows;

/** Stand-downs and the purge's bookkeeping: every change of state is one conditional statement. */
@ApplicationScoped
public class StandDownRepository implements PanacheRepositoryBase<StandDown, UUID> {

    /** Stand-downs whose purge is due or under way, oldest deadline first. */
    List<UUID> due(OffsetDateTime now) {
        return getEntityManager().createQuery("""
                select s.id from StandDown s where (s.status = :scheduled and s.purgeAt <= :now) or s.status = :purging
                order by s.purgeAt""", UUID.class).setParameter("now", now).setParameter("scheduled", StandDown.Status.SCHEDULED)
                .setParameter("purging", StandDown.Status.PURGING).getResultList();
    }

    /** SCHEDULED → PURGING once its deadline has passed; false when it is not (any more) due. */
    boolean start(UUID id, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE stand_down SET status = 'PURGING', started_at = :now
                WHERE id = :id AND status = 'SCHEDULED' AND purge_at <= :now""")
                .setParameter("id", id).setParameter("now", now).executeUpdate() == 1;
    }

    /**
     * Locks a purging stand-down for one batch, until the batch's transaction ends; false when it
     * is not purging or another replica's batch holds it (that replica goes on with it).
     */
    boolean lockPurging(UUID id) {
        return !getEntityManager().createNativeQuery("""
                SELECT 1 FROM stand_down WHERE id = :id AND status = 'PURGING' FOR UPDATE SKIP LOCKED""")
                .setParameter("id", id).getResultList().isEmpty();
    }

    /** Adds a batch's count to what the stand-down has erased of {@code step}. */
    void addPurged(UUID id, String step, int rows) {
        getEntityManager().createNativeQuery("""
                UPDATE stand_down SET purged = jsonb_set(purged, ARRAY[:step], to_jsonb(coalesce((purged ->> :step)::bigint, 0) + :rows))
                WHERE id = :id""").setParameter("id", id).setParameter("step", step).setParameter("rows", rows).executeUpdate();
    }

    /** PURGING → DONE. */
    boolean finish(UUID id, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE stand_down SET status = 'DONE', finished_at = :now WHERE id = :id AND status = 'PURGING'""")
                .setParameter("id", id).setParameter("now", now).executeUpdate() == 1;
    }

    /** SCHEDULED → CANCELLED; false when the purge has started (or the stand-down ended otherwise). */
    boolean cancel(UUID id) {
        return getEntityManager().createNativeQuery("UPDATE stand_down SET status = 'CANCELLED' WHERE id = :id AND status = 'SCHEDULED'")
                .setParameter("id", id).executeUpdate() == 1;
    }

    /** What the stand-down's purge erased so far, per step. */
    Map<String, Long> purged(UUID id) {
        Map<String, Long> counts = new TreeMap<>();
        SqlRows.tuples(getEntityManager().createNativeQuery("""
                SELECT p.key AS step, p.value::bigint AS n FROM stand_down s, jsonb_each_text(s.purged) p WHERE s.id = :id""",
                Tuple.class).setParameter("id", id)).forEach(t -> counts.put(t.get("step", String.class), ((Number) t.get("n")).longValue()));
        return counts;
    }

    /** The entity as the database has it now (its status is changed by statements). */
    StandDown reloaded(StandDown s) {
        getEntityManager().refresh(s);
        return s;
    }
}
