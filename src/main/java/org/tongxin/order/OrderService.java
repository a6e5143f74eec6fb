package org.tongxin.order;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.Hashing;
import org.tongxin.common.Page;
import org.tongxin.common.SqlErrors;
import org.tongxin.order.OrderDtos.*;
import org.tongxin.org.HouseholdService;

/**
 * Residents' orders (居民订购). A household orders once per {@code Idempotency-Key}: the same key
 * and body answer the same order however often they arrive, even all at once; the same key with
 * another body is refused. Stock and per-household limits hold under any concurrency (see
 * {@link OrderLedger}). An order is seen by its household and by staff whose scope covers it;
 * anyone else gets 404, so that order ids reveal nothing.
 */
@ApplicationScoped
public class OrderService {

    private final OrderLedger ledger;
    private final OrderRepository orders;
    private final AccountService accounts;
    private final HouseholdService households;
    private final ScopeGuard scope;
    private final Clock clock;
    private final OrderViews views;

    OrderService(OrderLedger ledger, OrderRepository orders, AccountService accounts,
                 HouseholdService households, ScopeGuard scope, Clock clock, OrderViews views) {
        this.ledger = ledger;
        this.orders = orders;
        this.accounts = accounts;
        this.households = households;
        this.scope = scope;
        this.clock = clock;
        this.views = views;
    }

    public OrderView place(Caller caller, String idempotencyKey, @NotNull @Valid PlaceOrder req) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw new ApiException(OrderError.IDEMPOTENCY_KEY_REQUIRED);
        }
        Map<UUID, Integer> merged = new TreeMap<>();
        req.items().forEach(i -> merged.merge(i.productId(), i.quantity(), Integer::sum));
        String note = req.note() != null && !req.note().isBlank() ? req.note().strip() : null;
        byte[] hash = requestHash(req.windowId(), merged, note);
        // Stored with PostgreSQL's precision (microseconds), so the first answer and a replay agree.
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<OrderLedger.Line> lines = merged.entrySet().stream().map(e -> new OrderLedger.Line(e.getKey(), e.getValue())).toList();
        OrderLedger.Placed placed;
        try {
            // The caller's household, its community and risk level are read by the function itself, in
            // the same statement (HOUSEHOLD_REQUIRED when there is none, after an earlier order's replay).
            placed = ledger.place(new OrderLedger.Order(req.windowId(), caller.userId(), lines, note, idempotencyKey, hash, now));
        } catch (PersistenceException raced) {
            if (SqlErrors.sqlState(raced).filter(SqlErrors.UNIQUE::equals).isEmpty()) {
                throw raced;
            }
            // The same key arrived twice at once: the other request placed the order.
            return replay(orders.byKey(caller.userId(), idempotencyKey).orElseThrow(() -> raced), hash, caller);
        }
        if (placed.replay()) {
            return replay(orders.findById(placed.id()), hash, caller);
        }
        Log.infof("order placed id=%s window=%s household=%s", placed.id(), req.windowId(), placed.householdId());
        // Answered from what was written, not read back: the same view a replay reads from the table.
        return views.placed(placed, req.windowId(), note, now);
    }

    /** An order, for its household or for staff whose scope covers it; 404 for anyone else. */
    public OrderView get(Caller caller, UUID orderId) {
        ResidentOrder order = orders.findByIdOptional(orderId).orElseThrow(() -> new ApiException(OrderError.ORDER_NOT_FOUND));
        boolean own = ownHousehold(caller, order);
        if (!own && !scope.allows(caller, Role.GRID_WORKER, households.locate(order.getHouseholdId()))) {
            throw new ApiException(OrderError.ORDER_NOT_FOUND);
        }
        return views.of(order, own);
    }

    /** The orders of the caller's household, newest first. */
    public Page<OrderView> mine(Caller caller, int page, int size) {
        UUID householdId = accounts.householdOf(caller.userId()).orElseThrow(() -> new ApiException(OrderError.HOUSEHOLD_REQUIRED));
        return Page.of(orders.ofHousehold(householdId), page, size, o -> views.of(o, true));
    }

    /** Cancels before the window closes; stock, the household's limit and the pickup slot come back. */
    public OrderView cancel(Caller caller, UUID orderId) {
        ResidentOrder order = orders.findByIdOptional(orderId).orElseThrow(() -> new ApiException(OrderError.ORDER_NOT_FOUND));
        if (!ownHousehold(caller, order)) {
            throw new ApiException(OrderError.ORDER_NOT_FOUND);
        }
        ledger.cancel(orderId, OffsetDateTime.now(clock));
        Log.infof("order cancelled id=%s", orderId);
        return views.of(orders.readAfresh(order), true);
    }

    private OrderView replay(ResidentOrder earlier, byte[] hash, Caller caller) {
        if (!MessageDigest.isEqual(earlier.getRequestHash(), hash)) {
            throw new ApiException(OrderError.IDEMPOTENCY_KEY_REUSED);
        }
        return views.of(earlier, ownHousehold(caller, earlier));
    }

    private boolean ownHousehold(Caller caller, ResidentOrder order) {
        return accounts.householdOf(caller.userId()).filter(order.getHouseholdId()::equals).isPresent();
    }

    /** What makes two requests "the same order": window, merged items and note. */
    private static byte[] requestHash(UUID windowId, Map<UUID, Integer> items, String note) {
        StringBuilder canonical = new StringBuilder(windowId.toString());
        items.forEach((product, quantity) -> canonical.append('|').append(product).append('x').append(quantity));
        canonical.append('|').append(note == null ? "" : note);
        return Hashing.sha256(canonical.toString());
    }
}
