package org.tongxin.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;
import org.tongxin.common.SqlRows;
import org.tongxin.order.OrderDtos.HourCount;
import org.tongxin.order.OrderDtos.OrderLineRow;

/** The lines of a window's live orders (not cancelled), for staff sheets and the suppliers' purchase list. */
@ApplicationScoped
public class WindowSummaryRepository {

    private final EntityManager em;

    WindowSummaryRepository(EntityManager em) {
        this.em = em;
    }

    /** The window's live orders per hour of their placing, in order (hours without orders are left out). */
    public List<HourCount> perHour(UUID windowId) {
        return SqlRows.tuples(em.createNativeQuery("""
                SELECT date_trunc('hour', created_at) AS hour, count(*) AS orders FROM resident_order
                WHERE window_id = :w AND status <> 'CANCELLED' GROUP BY 1 ORDER BY 1""", Tuple.class).setParameter("w", windowId))
                .stream().map(t -> new HourCount(SqlRows.at(t.get("hour")), ((Number) t.get("orders")).longValue())).toList();
    }

    public List<OrderLineRow> lines(UUID windowId) {
        return em.createQuery("""
                select o.householdId, p.id, p.name, p.unit, p.supplier, i.quantity, i.priceFen, o.deliveryMode, o.note
                from ResidentOrder o, OrderItem i, Product p
                where o.windowId = :w and o.status <> :cancelled and i.orderId = o.id and p.id = i.productId""",
                OrderLineRow.class)
                .setParameter("w", windowId).setParameter("cancelled", ResidentOrder.Status.CANCELLED).getResultList();
    }
}
