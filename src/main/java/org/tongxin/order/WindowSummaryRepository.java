package org.tongxin.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.tongxin.order.OrderDtos.OrderLineRow;

/** The lines of a window's live orders (not cancelled), for staff sheets and the suppliers' purchase list. */
@ApplicationScoped
public class WindowSummaryRepository {

    private final EntityManager em;

    WindowSummaryRepository(EntityManager em) {
        this.em = em;
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
