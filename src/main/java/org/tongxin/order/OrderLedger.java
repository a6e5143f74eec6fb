package org.tongxin.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.tongxin.common.ApiException;
import org.tongxin.common.Hashing;
import org.tongxin.common.OwnTransaction;
import org.tongxin.order.OrderDtos.OrderItemView;

/**
 * The database side of ordering. Placing is one call of the {@code place_order} function
 * (migration V12) on a connection of its own, outside any JTA transaction: one statement, one
 * round trip, one transaction, all or nothing. It locks the stock rows of the order's products in
 * uuid order, takes stock with {@code remaining >= quantity}, raises the household's counter with
 * {@code ordered + quantity <= limit}, and writes the order and its items; any refusal rolls
 * everything back. Cancelling gives stock back in the same product order (see {@link #cancel}).
 */
@ApplicationScoped
public class OrderLedger {

    /** A line of an order, merged per product. */
    public record Line(UUID productId, int quantity) {}

    /** What a placed order holds, enough to answer without reading it back; {@code replay}: the key placed order {@code id} before. */
    public record Placed(UUID id, String pickupCode, long totalFen, List<OrderItemView> items, boolean replay) {}

    /** The order to place, its household's place and the request it came from. */
    public record Order(UUID windowId, UUID communityId, UUID householdId, UUID userId, ResidentOrder.DeliveryMode mode,
                        List<Line> lines, String note, String idempotencyKey, byte[] requestHash, OffsetDateTime now) {}

    /** Candidate pickup codes per order: the first not yet used in the window is taken. */
    private static final int PICKUP_CODES = 8;

    private static final String PLACE = "SELECT * FROM place_order(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final OrderRepository orders;
    private final WindowRepository windows;
    private final PickupSlotRepository slots;

    OrderLedger(OrderRepository orders, WindowRepository windows, PickupSlotRepository slots) {
        this.orders = orders;
        this.windows = windows;
        this.slots = slots;
    }

    /**
     * Places the order, or answers which order the same key placed before ({@link Placed#replay()},
     * id only). Throws {@link ApiException} for a refusal, and a {@code PersistenceException}
     * carrying the SQL error otherwise (a unique violation: the same key arrived twice at once).
     */
    public Placed place(Order order) {
        return OwnTransaction.run(orders.getEntityManager(), OrderError.values(), c -> place(c, order));
    }

    private static Placed place(Connection c, Order order) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement call = c.prepareStatement(PLACE)) {
            int i = 0;
            call.setObject(++i, id);
            call.setObject(++i, order.windowId());
            call.setObject(++i, order.communityId());
            call.setObject(++i, order.householdId());
            call.setObject(++i, order.userId());
            call.setString(++i, order.mode().name());
            call.setString(++i, order.note());
            call.setString(++i, order.idempotencyKey());
            call.setBytes(++i, order.requestHash());
            call.setObject(++i, order.now());
            call.setArray(++i, c.createArrayOf("uuid", order.lines().stream().map(Line::productId).toArray()));
            call.setArray(++i, c.createArrayOf("int4", order.lines().stream().map(Line::quantity).toArray()));
            String[] codes = new String[PICKUP_CODES];
            Arrays.setAll(codes, k -> Hashing.randomDigits(6));
            call.setArray(++i, c.createArrayOf("varchar", codes));
            try (ResultSet rows = call.executeQuery()) {
                return placed(rows);
            }
        }
    }

    private static Placed placed(ResultSet rows) throws SQLException {
        UUID id = null;
        String code = null;
        long total = 0;
        List<OrderItemView> items = new ArrayList<>();
        while (rows.next()) {
            id = rows.getObject("order_id", UUID.class);
            if (rows.getBoolean("replay")) {
                return new Placed(id, null, 0, List.of(), true);
            }
            code = rows.getString("pickup_code");
            int quantity = rows.getInt("quantity");
            int price = rows.getInt("price_fen");
            items.add(new OrderItemView(rows.getObject("product_id", UUID.class), rows.getString("product_name"), quantity, price));
            total += (long) price * quantity;
        }
        if (id == null) {
            throw new IllegalStateException("place_order answered no row");
        }
        return new Placed(id, code, total, List.copyOf(items), false);
    }

    /**
     * PostgreSQL orders uuids by their bytes, unsigned, as their text sorts; {@link UUID#compareTo}
     * compares signed halves and would lock some pairs of products the other way round.
     */
    static final Comparator<Line> IN_DATABASE_ORDER = Comparator.comparing(l -> l.productId().toString());

    /**
     * Cancels while the window is open and gives back stock and limit, in the order place_order
     * takes them, and the pickup slot the order held: all in one transaction.
     */
    @Transactional
    public void cancel(ResidentOrder order, List<Line> lines, OffsetDateTime now) {
        OrderRepository.Cancelled cancelled = orders.cancel(order.getId(), now).orElseThrow(() -> new ApiException(
                order.getStatus() == ResidentOrder.Status.CANCELLED ? OrderError.ALREADY_CANCELLED : OrderError.WINDOW_CLOSED));
        if (cancelled.pickupSlotId() != null) {
            slots.free(cancelled.pickupSlotId());
        }
        for (Line line : lines.stream().sorted(IN_DATABASE_ORDER).toList()) {
            windows.giveBack(order.getWindowId(), line.productId(), line.quantity());
            orders.uncount(order.getWindowId(), order.getHouseholdId(), line.productId(), line.quantity());
        }
    }
}
