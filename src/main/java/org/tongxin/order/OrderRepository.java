package org.tongxin.order;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.order.OrderDtos.OrderItemView;

/**
 * Orders, their items and the households' counters against per-product limits. Orders are
 * written by the {@code place_order} function ({@link OrderLedger}); every other change here is
 * one conditional statement.
 */
@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<ResidentOrder, UUID> {

    public void uncount(UUID windowId, UUID householdId, UUID productId, int quantity) {
        getEntityManager().createNativeQuery("""
                UPDATE household_quota SET ordered = ordered - :n
                WHERE window_id = :w AND household_id = :h AND product_id = :p""")
                .setParameter("w", windowId).setParameter("h", householdId).setParameter("p", productId)
                .setParameter("n", quantity).executeUpdate();
    }

    /**
     * PLACED → CANCELLED while its window is open at {@code now}; empty otherwise. Answers the
     * pickup slot the order held (null if none), which the caller frees in the same transaction.
     */
    public Optional<Cancelled> cancel(UUID orderId, OffsetDateTime now) {
        List<?> rows = getEntityManager().createNativeQuery("""
                UPDATE resident_order o SET status = 'CANCELLED', cancelled_at = :now FROM ordering_window w
                WHERE w.id = o.window_id AND o.id = :id AND o.status = 'PLACED' AND w.closes_at > :now
                RETURNING CAST(o.pickup_slot_id AS text)""")
                .setParameter("id", orderId).setParameter("now", now).getResultList();
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(new Cancelled(rows.get(0) == null ? null : UUID.fromString(rows.get(0).toString())));
    }

    /** A cancelled order, and the pickup slot it held (null if none). */
    @RegisterForReflection
    public record Cancelled(UUID pickupSlotId) {}

    /**
     * Locks the order's row for the rest of the transaction (a cancel of it waits) and answers its
     * status: a pickup slot is picked under this lock, so it never lands on an order cancelled meanwhile.
     */
    public ResidentOrder.Status lockStatus(UUID orderId) {
        return ResidentOrder.Status.valueOf(getEntityManager().createNativeQuery(
                        "SELECT status FROM resident_order WHERE id = :id FOR UPDATE")
                .setParameter("id", orderId).getSingleResult().toString());
    }

    /**
     * READY → DELIVERED (door orders) or PICKED_UP (the others, against the household's pickup
     * code), stamping who and when; false when any condition fails.
     */
    public boolean handOver(UUID orderId, boolean atTheDoor, String pickupCode, UUID by, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE resident_order SET status = :to, handed_over_at = :now, handed_over_by = :by
                WHERE id = :id AND status = 'READY'
                  AND ((:door AND delivery_mode = 'DOOR') OR (NOT :door AND delivery_mode <> 'DOOR' AND pickup_code = :code))""")
                .setParameter("to", atTheDoor ? "DELIVERED" : "PICKED_UP").setParameter("now", now).setParameter("by", by)
                .setParameter("id", orderId).setParameter("door", atTheDoor).setParameter("code", pickupCode == null ? "" : pickupCode)
                .executeUpdate() == 1;
    }

    /** The community of the order's window. */
    public UUID communityOf(UUID orderId) {
        return getEntityManager().createQuery(
                "select w.communityId from ResidentOrder o, OrderingWindow w where o.id = :o and w.id = o.windowId", UUID.class)
                .setParameter("o", orderId).getSingleResult();
    }

    public Optional<ResidentOrder> byKey(UUID userId, String idempotencyKey) {
        return find("userId = ?1 and idempotencyKey = ?2", userId, idempotencyKey).firstResultOptional();
    }

    /** The order's items with product names, in product order. */
    public List<OrderItemView> items(UUID orderId) {
        return getEntityManager().createQuery("""
                select i.productId, p.name, i.quantity, i.priceFen from OrderItem i, Product p
                where i.orderId = :o and p.id = i.productId order by i.productId""", OrderItemView.class)
                .setParameter("o", orderId).getResultList();
    }

    public PanacheQuery<ResidentOrder> ofHousehold(UUID householdId) {
        return find("householdId = ?1 order by createdAt desc", householdId);
    }

    /** The order as the database has it now, after a statement changed its row. */
    public ResidentOrder reloaded(ResidentOrder order) {
        getEntityManager().refresh(order);
        return order;
    }
}
