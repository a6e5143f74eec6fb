package org.tongxin.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.tongxin.common.ApiException;
import org.tongxin.common.Hashing;
import org.tongxin.order.OrderDtos.OrderItemView;

/**
 * The database side of ordering: one transaction per order, all or nothing. The order row comes
 * first (its unique idempotency key makes a repeated request wait for, then see, the first);
 * then, product by product in id order (so that two orders never lock stock rows in opposite
 * orders and deadlock), stock is taken with {@code remaining >= quantity} and the household's
 * counter raised with {@code ordered + quantity <= limit}. Any refusal rolls everything back.
 */
@ApplicationScoped
public class OrderLedger {

    /** A line of an order, merged per product. */
    public record Line(UUID productId, int quantity) {}

    /** What a placed order holds, enough to answer without reading it back. */
    public record Placed(UUID id, String pickupCode, long totalFen, List<OrderItemView> items) {}

    private static final int PICKUP_CODE_ATTEMPTS = 20;

    private final OrderRepository orders;
    private final WindowRepository windows;

    OrderLedger(OrderRepository orders, WindowRepository windows) {
        this.orders = orders;
        this.windows = windows;
    }

    @Transactional
    public Placed place(OrderingWindow window, UUID householdId, UUID userId, ResidentOrder.DeliveryMode mode,
                      List<Line> lines, String note, String idempotencyKey, byte[] requestHash, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        int attempt = 0;
        String pickupCode = Hashing.randomDigits(6);
        while (!orders.insert(id, window.getId(), householdId, userId, mode, pickupCode, note, idempotencyKey, requestHash,
                now)) {
            if (++attempt == PICKUP_CODE_ATTEMPTS) {
                throw new IllegalStateException("no free pickup code in window " + window.getId());
            }
            pickupCode = Hashing.randomDigits(6);
        }
        long total = 0;
        List<OrderItemView> items = new ArrayList<>(lines.size());
        for (Line line : lines.stream().sorted(Comparator.comparing(Line::productId)).toList()) {
            WindowRepository.Taken taken = windows.take(window.getId(), line.productId(), line.quantity())
                    .orElseThrow(() -> new ApiException(windows.stocks(window.getId(), line.productId())
                            ? OrderError.OUT_OF_STOCK : OrderError.PRODUCT_NOT_IN_WINDOW));
            if (!orders.countAgainstLimit(window.getId(), householdId, line.productId(), line.quantity(),
                    taken.perHouseholdLimit())) {
                throw new ApiException(OrderError.LIMIT_EXCEEDED);
            }
            orders.insertItem(id, line.productId(), line.quantity(), taken.priceFen());
            items.add(new OrderItemView(line.productId(), taken.name(), line.quantity(), taken.priceFen()));
            total += (long) taken.priceFen() * line.quantity();
        }
        orders.setTotal(id, total);
        return new Placed(id, pickupCode, total, List.copyOf(items));
    }

    /** Cancels while the window is open and gives stock and limit back, in the same product order. */
    @Transactional
    public void cancel(ResidentOrder order, List<Line> lines, OffsetDateTime now) {
        if (!orders.cancel(order.getId(), now)) {
            throw new ApiException(order.getStatus() == ResidentOrder.Status.CANCELLED
                    ? OrderError.ALREADY_CANCELLED : OrderError.WINDOW_CLOSED);
        }
        for (Line line : lines.stream().sorted(Comparator.comparing(Line::productId)).toList()) {
            windows.giveBack(order.getWindowId(), line.productId(), line.quantity());
            orders.uncount(order.getWindowId(), order.getHouseholdId(), line.productId(), line.quantity());
        }
    }
}
