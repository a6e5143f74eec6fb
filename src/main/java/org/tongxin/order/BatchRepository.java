package org.tongxin.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.List;
import java.util.UUID;

/** Batches. Each step is one conditional update from the step before, so no step is skipped or taken twice. */
@ApplicationScoped
public class BatchRepository implements PanacheRepositoryBase<Batch, UUID> {

    public void insert(UUID id, UUID windowId, UUID by, OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                INSERT INTO batch (id, window_id, status, order_count, created_by, created_at)
                VALUES (:id, :w, 'CREATED', 0, :by, :now)""")
                .setParameter("id", id).setParameter("w", windowId).setParameter("by", by).setParameter("now", now)
                .executeUpdate();
    }

    /** Puts the window's placed orders into the batch; answers how many. */
    public int takeOrders(UUID batchId, UUID windowId) {
        int n = getEntityManager().createNativeQuery("""
                UPDATE resident_order SET status = 'BATCHED', batch_id = :b WHERE window_id = :w AND status = 'PLACED'""")
                .setParameter("b", batchId).setParameter("w", windowId).executeUpdate();
        update("orderCount = ?1 where id = ?2", n, batchId);
        return n;
    }

    /**
     * {@code from} → {@code to}, stamping who and when in the step's columns; for the release also
     * only once {@code releasableBefore} has passed since disinfection. False when not moved.
     */
    public boolean step(UUID id, Batch.Status from, Batch.Status to, UUID by, OffsetDateTime now,
                        OffsetDateTime disinfectedBefore) {
        String column = to.name().toLowerCase(Locale.ROOT); // an enum constant, never input
        var query = getEntityManager().createNativeQuery("UPDATE batch SET status = :to, " + column + "_at = :now, "
                        + column + "_by = :by WHERE id = :id AND status = :from"
                        + (disinfectedBefore != null ? " AND disinfected_at <= :limit" : ""))
                .setParameter("to", to.name()).setParameter("now", now).setParameter("by", by).setParameter("id", id)
                .setParameter("from", from.name());
        if (disinfectedBefore != null) {
            query.setParameter("limit", disinfectedBefore);
        }
        return query.executeUpdate() == 1;
    }

    /** Who placed an order of a batch, and how it is handed over. */
    @RegisterForReflection
    public record Placer(UUID userId, ResidentOrder.DeliveryMode mode) {}

    public List<Placer> placers(UUID batchId) {
        return getEntityManager().createQuery("select o.userId, o.deliveryMode from ResidentOrder o where o.batchId = :b",
                Placer.class).setParameter("b", batchId).getResultList();
    }

    /** On release the batch's orders become ready for hand-over. */
    public void release(UUID batchId) {
        getEntityManager().createNativeQuery("UPDATE resident_order SET status = 'READY' WHERE batch_id = :b AND status = 'BATCHED'")
                .setParameter("b", batchId).executeUpdate();
    }

    /** The community's batches not yet released, and those released since {@code releasedSince}; newest first. */
    public List<Batch> ofCommunity(UUID communityId, OffsetDateTime releasedSince, int limit) {
        return getEntityManager().createQuery("""
                select b from Batch b, OrderingWindow w where w.id = b.windowId and w.communityId = :c
                and (b.status <> :released or b.releasedAt >= :since) order by b.createdAt desc, b.id""", Batch.class)
                .setParameter("c", communityId).setParameter("released", Batch.Status.RELEASED).setParameter("since", releasedSince)
                .setMaxResults(limit).getResultList();
    }

    public Batch reloaded(Batch batch) {
        getEntityManager().refresh(batch);
        return batch;
    }
}
