package org.tongxin.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.tongxin.order.OrderDtos.OrderEvent;
import org.tongxin.order.OrderDtos.OrderItemView;
import org.tongxin.order.OrderDtos.OrderView;

/** An order as the API shows it: lines with names, and its history from its own and its batch's times. */
@ApplicationScoped
public class OrderViews {

    private final OrderRepository orders;
    private final BatchRepository batches;

    OrderViews(OrderRepository orders, BatchRepository batches) {
        this.orders = orders;
        this.batches = batches;
    }

    /** {@code household}: the viewer belongs to the order's household, who alone sees the pickup code. */
    public OrderView of(ResidentOrder o, boolean household) {
        return new OrderView(o.getId(), o.getWindowId(), o.getHouseholdId(), o.getStatus(), o.getTotalFen(),
                orders.items(o.getId()), o.getDeliveryMode(), household ? o.getPickupCode() : null, o.getNote(),
                o.getCreatedAt(), o.getBatchId(), o.getPickupSlotId(), history(o));
    }

    /** PostgreSQL orders uuids by their bytes, unsigned; so does their text, unlike {@link UUID#compareTo}. */
    private static final Comparator<OrderItemView> BY_PRODUCT_AS_STORED = Comparator.comparing(i -> i.productId().toString());

    /** A just-placed order, as {@link #of} would read it back for its household. */
    public OrderView placed(OrderLedger.Placed p, UUID windowId, String note, OffsetDateTime at) {
        return new OrderView(p.id(), windowId, p.householdId(), ResidentOrder.Status.PLACED, p.totalFen(),
                p.items().stream().sorted(BY_PRODUCT_AS_STORED).toList(), p.mode(), p.pickupCode(), note,
                at, null, null, List.of(new OrderEvent("PLACED", at)));
    }

    /** The order's steps, from its own times and its batch's. */
    private List<OrderEvent> history(ResidentOrder o) {
        List<OrderEvent> steps = new ArrayList<>();
        steps.add(new OrderEvent("PLACED", o.getCreatedAt()));
        if (o.getCancelledAt() != null) {
            steps.add(new OrderEvent("CANCELLED", o.getCancelledAt()));
        }
        if (o.getBatchId() != null) {
            Batch b = batches.findById(o.getBatchId());
            steps.add(new OrderEvent("BATCHED", b.getCreatedAt()));
            addIfSet(steps, "ARRIVED", b.getArrivedAt());
            addIfSet(steps, "DISINFECTED", b.getDisinfectedAt());
            addIfSet(steps, "STORED", b.getStoredAt());
            addIfSet(steps, "READY", b.getReleasedAt());
        }
        addIfSet(steps, o.getStatus().name(), o.getHandedOverAt());
        return steps;
    }

    private static void addIfSet(List<OrderEvent> steps, String step, OffsetDateTime at) {
        if (at != null) {
            steps.add(new OrderEvent(step, at));
        }
    }
}
