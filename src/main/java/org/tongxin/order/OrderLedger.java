package org.tongxin.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tongxin.common.ApiException;
import org.tongxin.common.Hashing;
import org.tongxin.common.OwnTransaction;
import org.tongxin.common.SqlErrors;
import org.tongxin.order.OrderDtos.OrderItemView;

/**
 * The database side of ordering. Placing is one call of the {@code place_order} function
 * (migrations V12, V33, V34, V35) outside any JTA transaction: one statement, one round trip, one
 * transaction, all or nothing. It reads the caller's household, its community and the risk level
 * that applies to it (the organisation's {@code resident_place}), takes the order's products in
 * uuid order, each from its household's stock bucket or, when that has too little, from the
 * product's buckets in ascending order, raises the household's counter with
 * {@code ordered + quantity <= limit}, and writes the order and its items; any refusal rolls
 * everything back. Cancelling is the {@code cancel_order} function beside it, so the order's stock
 * rules live in one language.
 */
@ApplicationScoped
public class OrderLedger {

    /** A line of an order, merged per product. */
    public record Line(UUID productId, int quantity) {}

    /**
     * What a placed order holds, enough to answer without reading it back: the caller's household and
     * the delivery mode its risk level gives, as the function found them; {@code replay}: the key
     * placed order {@code id} before (nothing else set).
     */
    public record Placed(UUID id, UUID householdId, ResidentOrder.DeliveryMode mode, String pickupCode, long totalFen,
                         List<OrderItemView> items, boolean replay) {}

    /** The order to place, by the person {@code userId} for their household, and the request it came from. */
    public record Order(UUID windowId, UUID userId, List<Line> lines, String note, String idempotencyKey, byte[] requestHash,
                        OffsetDateTime now) {}

    /** Candidate pickup codes per order: the first not yet used in the window is taken. */
    private static final int PICKUP_CODES = 8;

    private static final String CANCEL = "SELECT cancel_order(?, ?)";
    private static final String PLACE = "SELECT * FROM place_order(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** How often an order is placed when the function asks for it to be placed again (see {@link #place(Order)}). */
    static final int PLACE_ATTEMPTS = 4;

    /** SQLSTATE serialization_failure: {@code place_order} found a bucket busy and asks to be called again. */
    private static final String SERIALIZATION_FAILURE = "40001";

    private final OrderRepository orders;
    private final Counter placedAgain;

    OrderLedger(OrderRepository orders, MeterRegistry registry) {
        this.orders = orders;
        this.placedAgain = Counter.builder("tongxin.order.placed.again")
                .description("Orders placed again because place_order found a stock bucket busy (V34)").register(registry);
    }

    /**
     * Places the order, or answers which order the same key placed before ({@link Placed#replay()},
     * id only). Throws {@link ApiException} for a refusal, and a {@code PersistenceException}
     * carrying the SQL error otherwise (a unique violation: the same key arrived twice at once).
     * When the function asks for it (serialization_failure, a stock bucket busy as it ran out), the
     * order is placed again, up to {@link #PLACE_ATTEMPTS} times; the last failure becomes a 503.
     */
    public Placed place(Order order) {
        for (int attempt = 1; ; attempt++) {
            try {
                return OwnTransaction.run(orders.getEntityManager(), OrderError.values(), c -> place(c, order));
            } catch (PersistenceException e) {
                if (attempt == PLACE_ATTEMPTS || SqlErrors.sqlState(e).filter(SERIALIZATION_FAILURE::equals).isEmpty()) {
                    throw e;
                }
                // The function found a stock bucket busy that it could not wait for (V34) and rolled
                // everything back; placing again starts with no lock held.
                placedAgain.increment();
                Log.debugf("order placed again after a busy stock bucket, attempt %d", attempt + 1);
            }
        }
    }

    private static Placed place(Connection c, Order order) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement call = c.prepareStatement(PLACE)) {
            int i = 0;
            call.setObject(++i, id);
            call.setObject(++i, order.windowId());
            call.setObject(++i, order.userId());
            call.setString(++i, order.note());
            call.setString(++i, order.idempotencyKey());
            call.setBytes(++i, order.requestHash());
            call.setObject(++i, order.now());
            call.setArray(++i, c.createArrayOf("uuid", order.lines().stream().map(Line::productId).toArray()));
            call.setArray(++i, c.createArrayOf("int4", order.lines().stream().map(Line::quantity).toArray()));
            call.setArray(++i, c.createArrayOf("varchar", Hashing.randomDigits(PICKUP_CODES, 6)));
            try (ResultSet rows = call.executeQuery()) {
                return placed(rows);
            }
        }
    }

    private static Placed placed(ResultSet rows) throws SQLException {
        UUID id = null;
        UUID household = null;
        ResidentOrder.DeliveryMode mode = null;
        String code = null;
        long total = 0;
        List<OrderItemView> items = new ArrayList<>();
        while (rows.next()) {
            id = rows.getObject("order_id", UUID.class);
            if (rows.getBoolean("replay")) {
                return new Placed(id, null, null, null, 0, List.of(), true);
            }
            household = rows.getObject("household_id", UUID.class);
            mode = ResidentOrder.DeliveryMode.valueOf(rows.getString("delivery_mode"));
            code = rows.getString("pickup_code");
            int quantity = rows.getInt("quantity");
            int price = rows.getInt("price_fen");
            items.add(new OrderItemView(rows.getObject("product_id", UUID.class), rows.getString("product_name"), quantity, price));
            total += (long) price * quantity;
        }
        if (id == null) {
            throw new IllegalStateException("place_order answered no row");
        }
        return new Placed(id, household, mode, code, total, List.copyOf(items), false);
    }

    /**
     * Cancels the order while its window is open, giving back stock, the household's counts and the
     * pickup slot it held: one call of the {@code cancel_order} function (migration V23), its own
     * transaction, like placing. Refuses with ALREADY_CANCELLED or WINDOW_CLOSED.
     */
    public void cancel(UUID orderId, OffsetDateTime now) {
        OwnTransaction.run(orders.getEntityManager(), OrderError.values(), c -> {
            try (PreparedStatement call = c.prepareStatement(CANCEL)) {
                call.setObject(1, orderId);
                call.setObject(2, now);
                call.execute();
            }
            return null;
        });
    }
}
