package org.tongxin.order;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.notice.NoticeOutbox;
import org.tongxin.order.OrderDtos.BatchView;
import org.tongxin.order.OrderDtos.CreateBatch;
import org.tongxin.org.OrgService;

/**
 * A closed window's orders as one delivery through the three zones, run by the community's staff.
 * Release is refused until the configured rest (30 minutes) after disinfection has passed by the
 * service clock; on release the orders become ready for the door or the pickup zone.
 */
@ApplicationScoped
public class BatchService {

    private final BatchRepository batches;
    private final WindowRepository windows;
    private final OrgService org;
    private final ScopeGuard scope;
    private final OrderConfig config;
    private final Clock clock;
    private final NoticeOutbox notices;

    BatchService(BatchRepository batches, WindowRepository windows, OrgService org, ScopeGuard scope, OrderConfig config,
                 Clock clock, NoticeOutbox notices) {
        this.notices = notices;
        this.batches = batches;
        this.windows = windows;
        this.org = org;
        this.scope = scope;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public BatchView create(Caller caller, @NotNull @Valid CreateBatch req) {
        OrderingWindow window = windows.findByIdOptional(req.windowId())
                .orElseThrow(() -> new ApiException(OrderError.WINDOW_NOT_FOUND));
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(window.getCommunityId()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.isBefore(window.getClosesAt())) {
            throw new ApiException(OrderError.WINDOW_STILL_OPEN);
        }
        UUID id = UUID.randomUUID();
        batches.insert(id, window.getId(), caller.userId(), now);
        if (batches.takeOrders(id, window.getId()) == 0) {
            throw new ApiException(OrderError.NOTHING_TO_BATCH); // rolls the batch back
        }
        Log.infof("batch created id=%s window=%s", id, window.getId());
        return view(batches.findById(id));
    }

    /** One step through the zones; out of order → BAD_TRANSITION, release before the rest → REST_NOT_OVER. */
    @Transactional
    public BatchView step(Caller caller, UUID batchId, Batch.Status to) {
        Batch batch = batches.findByIdOptional(batchId).orElseThrow(() -> new ApiException(OrderError.BATCH_NOT_FOUND));
        OrderingWindow window = windows.findById(batch.getWindowId());
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(window.getCommunityId()));
        Batch.Status from = Batch.Status.values()[to.ordinal() - 1];
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean release = to == Batch.Status.RELEASED;
        if (!batches.step(batchId, from, to, caller.userId(), now, release ? now.minus(config.restTime()) : null)) {
            throw new ApiException(release && batch.getStatus() == Batch.Status.STORED
                    ? OrderError.REST_NOT_OVER : OrderError.BAD_TRANSITION);
        }
        if (release) {
            batches.release(batchId);
            tellHouseholds(batchId, now);
        }
        Log.infof("batch %s id=%s by=%s", to.name().toLowerCase(), batchId, caller.userId());
        return view(batches.reloaded(batch));
    }

    /**
     * The community's batches on their way through the zones, and those released in the last day,
     * newest first (at most 50), for its staff; 403 for anyone else.
     */
    public List<BatchView> ofCommunity(Caller caller, @NotNull UUID communityId) {
        scope.require(caller, Role.COMMUNITY_STAFF, org.locateCommunity(communityId));
        return batches.ofCommunity(communityId, OffsetDateTime.now(clock).minusDays(1), 50).stream().map(this::view).toList();
    }

    /**
     * Tells whoever placed each order of the released batch, in this transaction (the messages go
     * with the release or not at all): door orders that a volunteer is on the way, the others that
     * they can collect at the pickup zone.
     */
    private void tellHouseholds(UUID batchId, OffsetDateTime now) {
        var placers = batches.placers(batchId);
        notices.toUsers("batch-released:" + batchId + ":door",
                placers.stream().filter(p -> p.mode() == ResidentOrder.DeliveryMode.DOOR).map(BatchRepository.Placer::userId).toList(),
                "您订购的物资已放行", "物资已完成消杀和静置，志愿者将尽快送货上门，请留意敲门或电话。", now);
        notices.toUsers("batch-released:" + batchId + ":pickup",
                placers.stream().filter(p -> p.mode() != ResidentOrder.DeliveryMode.DOOR).map(BatchRepository.Placer::userId).toList(),
                "您订购的物资可以领取了", "物资已完成消杀和静置，请到物资领取区凭取货码领取（取货码见订单详情）；错峰取物的住户请按所选时段前往。",
                now);
    }

    private BatchView view(Batch b) {
        OffsetDateTime releasable = b.getDisinfectedAt() != null ? b.getDisinfectedAt().plus(config.restTime()) : null;
        return new BatchView(b.getId(), b.getWindowId(), b.getStatus(), b.getOrderCount(), b.getCreatedAt(),
                b.getArrivedAt(), b.getDisinfectedAt(), b.getStoredAt(), b.getReleasedAt(), releasable);
    }
}
