package org.tongxin.order;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.RateLimiter;
import org.tongxin.order.OrderDtos.OrderView;
import org.tongxin.order.OrderDtos.Pickup;
import org.tongxin.org.HouseholdService;

/**
 * Handing released orders over (交付): at the door for HIGH-risk households, in the pickup zone
 * against the household's pickup code for the others. Staff of the household's grid and above,
 * or volunteers of its community, hand over; to anyone else the order does not exist (404).
 */
@ApplicationScoped
public class HandOverService {

    private final OrderRepository orders;
    private final HouseholdService households;
    private final ScopeGuard scope;
    private final RateLimiter rateLimiter;
    private final OrderConfig config;
    private final OrderViews views;
    private final Clock clock;

    HandOverService(OrderRepository orders, HouseholdService households, ScopeGuard scope, RateLimiter rateLimiter,
                    OrderConfig config, OrderViews views, Clock clock) {
        this.orders = orders;
        this.households = households;
        this.scope = scope;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.views = views;
        this.clock = clock;
    }

    /** A door order handed over by staff or a volunteer of its community. */
    @Transactional
    public OrderView deliver(Caller caller, UUID orderId) {
        return handOver(caller, orderId, true, null);
    }

    /**
     * A pickup order handed over against the household's pickup code. Codes cannot be guessed:
     * attempts are limited per caller and order, counted only for callers who may hand the order
     * over (anyone else gets 404 without touching a counter, so they cannot lock staff out).
     */
    @Transactional
    public OrderView pickup(Caller caller, UUID orderId, @NotNull @Valid Pickup req) {
        return handOver(caller, orderId, false, req.pickupCode().strip());
    }

    private OrderView handOver(Caller caller, UUID orderId, boolean atTheDoor, String code) {
        ResidentOrder order = orders.findByIdOptional(orderId).orElseThrow(() -> new ApiException(OrderError.ORDER_NOT_FOUND));
        var where = households.locate(order.getHouseholdId());
        if (!scope.allows(caller, Role.GRID_WORKER, where) && !scope.holdsIn(caller, Role.VOLUNTEER, where.communityId())) {
            throw new ApiException(OrderError.ORDER_NOT_FOUND);
        }
        if (!atTheDoor) {
            rateLimiter.perMinute("pickup:" + caller.userId() + ":" + orderId, config.pickupAttempts());
        }
        if (!orders.handOver(orderId, atTheDoor, code, caller.userId(), OffsetDateTime.now(clock))) {
            if (order.getStatus() != ResidentOrder.Status.READY) {
                throw new ApiException(OrderError.NOT_READY);
            }
            boolean door = order.getDeliveryMode() == ResidentOrder.DeliveryMode.DOOR;
            throw new ApiException(door != atTheDoor ? OrderError.WRONG_DELIVERY_MODE : OrderError.WRONG_PICKUP_CODE);
        }
        Log.infof("order handed over id=%s by=%s", orderId, caller.userId());
        return views.of(orders.reloaded(order), false);
    }
}
