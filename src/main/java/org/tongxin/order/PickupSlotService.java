package org.tongxin.order;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.order.OrderDtos.*;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgService;

/**
 * Staggered pickup (错峰取物): staff of a MEDIUM-risk community generate slots of a few minutes
 * with a capacity (e.g. 20 households per 15 minutes); a household picks one for its
 * {@code PICKUP_SLOT} order. The capacity holds under parallel picks (a conditional update);
 * changing slot frees the old one in the same transaction.
 */
@ApplicationScoped
public class PickupSlotService {

    private final PickupSlotRepository slots;
    private final OrderRepository orders;
    private final AccountService accounts;
    private final OrgService org;
    private final HouseholdService households;
    private final ScopeGuard scope;
    private final OrderViews views;
    private final Clock clock;

    PickupSlotService(PickupSlotRepository slots, OrderRepository orders, AccountService accounts, OrgService org,
                      HouseholdService households, ScopeGuard scope, OrderViews views, Clock clock) {
        this.slots = slots;
        this.orders = orders;
        this.accounts = accounts;
        this.org = org;
        this.households = households;
        this.scope = scope;
        this.views = views;
        this.clock = clock;
    }

    /** Idempotent: a slot that already exists for the community and start time is left alone. */
    @Transactional
    public SlotsGenerated generate(Caller caller, UUID communityId, @NotNull @Valid GenerateSlots req) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(communityId));
        if (req.toHour() <= req.fromHour()) {
            throw ApiException.invalid("toHour", "结束时刻须晚于开始时刻", "must be after fromHour");
        }
        ZonedDateTime start = req.date().atTime(req.fromHour(), 0).atZone(clock.getZone());
        ZonedDateTime end = req.date().atStartOfDay(clock.getZone()).plusHours(req.toHour());
        int created = 0;
        for (ZonedDateTime s = start; s.plusMinutes(req.minutes()).compareTo(end) <= 0; s = s.plusMinutes(req.minutes())) {
            if (slots.insertIfAbsent(communityId, s.toOffsetDateTime(), s.plusMinutes(req.minutes()).toOffsetDateTime(),
                    req.capacity())) {
                created++;
            }
        }
        Log.infof("pickup slots generated community=%s date=%s created=%d", communityId, req.date(), created);
        return new SlotsGenerated(created);
    }

    /** A day's slots (service-zone date), for the community's residents and staff. */
    public List<SlotView> ofDay(Caller caller, UUID communityId, LocalDate date) {
        var where = org.locateCommunity(communityId);
        if (!households.livesIn(caller.userId(), communityId) && !scope.allows(caller, Role.GRID_WORKER, where)) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        LocalDate day = date != null ? date : LocalDate.now(clock);
        return slots.ofCommunity(communityId, day.atStartOfDay(clock.getZone()).toOffsetDateTime(),
                day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
    }

    /** The household picks a slot for its PICKUP_SLOT order; picking another frees the first. */
    @Transactional
    public OrderView pick(Caller caller, UUID orderId, @NotNull @Valid PickSlot req) {
        ResidentOrder order = orders.findByIdOptional(orderId).orElseThrow(() -> new ApiException(OrderError.ORDER_NOT_FOUND));
        if (accounts.householdOf(caller.userId()).filter(order.getHouseholdId()::equals).isEmpty()) {
            throw new ApiException(OrderError.ORDER_NOT_FOUND);
        }
        if (order.getDeliveryMode() != ResidentOrder.DeliveryMode.PICKUP_SLOT) {
            throw new ApiException(OrderError.WRONG_DELIVERY_MODE);
        }
        ResidentOrder.Status status = orders.lockStatus(orderId);
        if (status == ResidentOrder.Status.CANCELLED || status == ResidentOrder.Status.DELIVERED
                || status == ResidentOrder.Status.PICKED_UP) {
            throw new ApiException(OrderError.ORDER_NOT_ACTIVE);
        }
        UUID held = orders.reloaded(order).getPickupSlotId();
        if (req.slotId().equals(held)) {
            return views.of(order, true);
        }
        // Both slots are locked in id order before either changes: two orders swapping slots
        // would otherwise each hold one and wait for the other (a deadlock).
        slots.lockInOrder(req.slotId(), held);
        UUID community = orders.communityOf(orderId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!slots.take(req.slotId(), community, now)) {
            var state = slots.state(req.slotId());
            if (state == null || !state.communityId().equals(community)) {
                throw new ApiException(OrderError.SLOT_NOT_FOUND);
            }
            throw new ApiException(!state.startsAt().isAfter(now) ? OrderError.SLOT_PASSED : OrderError.SLOT_FULL);
        }
        slots.assign(orderId, req.slotId());
        if (held != null) {
            slots.free(held);
        }
        Log.infof("pickup slot picked order=%s slot=%s", orderId, req.slotId());
        return views.of(orders.reloaded(order), true);
    }
}
