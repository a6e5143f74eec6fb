package org.tongxin.order;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;
import org.tongxin.order.OrderDtos.OrderItemView;

/**
 * Orders, their items and the households' counters against per-product limits. Orders are
 * written by the {@code place_order} function ({@link OrderLedger}); every other change here is
 * one conditional statement.
 */
@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<ResidentOrder, UUID> {

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

    /** The household's orders and those the person placed anywhere, oldest first ({@code householdId} may be null). */
    public List<ResidentOrder> placedByOrFor(UUID userId, UUID householdId) {
        return householdId == null ? list("userId = ?1 order by createdAt", userId)
                : list("userId = ?1 or householdId = ?2 order by createdAt", userId, householdId);
    }

    /** Removes the notes the person wrote on their orders (their erasure). */
    public void dropNotesOf(UUID userId) {
        update("note = null where userId = ?1 and note is not null", userId);
    }

    private static final String IN_SCOPE = " FROM resident_order o JOIN ordering_window w ON w.id = o.window_id"
            + " JOIN community c ON c.id = w.community_id WHERE ";

    /** Orders of the scope that still carry a note, per community (a stand-down's dry run). */
    List<PersonalData.Count> notesIn(PurgeScope scope) {
        return PersonalData.counts(scope.bind(getEntityManager().createNativeQuery("SELECT c.id AS community_id, count(*) AS n"
                + IN_SCOPE + scope.where("c.street_id") + " AND o.note IS NOT NULL GROUP BY c.id", Tuple.class)));
    }

    /** Removes the notes of up to {@code limit} orders of the scope (a stand-down's purge); answers how many. */
    int purgeNotes(PurgeScope scope, int limit) {
        return scope.bind(getEntityManager().createNativeQuery("UPDATE resident_order SET note = NULL WHERE id IN (SELECT o.id"
                + IN_SCOPE + scope.where("c.street_id") + " AND o.note IS NOT NULL LIMIT :n FOR UPDATE OF o SKIP LOCKED)"))
                .setParameter("n", limit).executeUpdate();
    }

    /** Orders of the scope per community and day (in {@code zone}): what a stand-down keeps. */
    List<PersonalData.Kept> perDay(PurgeScope scope, java.time.ZoneId zone) {
        return PersonalData.kept("ORDERS", scope.bind(getEntityManager().createNativeQuery("SELECT c.id AS community_id,"
                + " CAST(o.created_at AT TIME ZONE :zone AS date) AS day, count(*) AS n" + IN_SCOPE + scope.where("c.street_id")
                + " GROUP BY 1, 2 ORDER BY 1, 2", Tuple.class)).setParameter("zone", zone.getId()));
    }

    public PanacheQuery<ResidentOrder> ofHousehold(UUID householdId) {
        return find("householdId = ?1 order by createdAt desc", householdId);
    }

    /** The order as the database has it now, read afresh outside a transaction (after a write of its own). */
    public ResidentOrder readAfresh(ResidentOrder order) {
        getEntityManager().detach(order);
        return findById(order.getId());
    }

    /** The order as the database has it now, after a statement changed its row. */
    public ResidentOrder reloaded(ResidentOrder order) {
        getEntityManager().refresh(order);
        return order;
    }
}
