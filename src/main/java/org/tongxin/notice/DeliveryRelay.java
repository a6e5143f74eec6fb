package org.tongxin.notice;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.tongxin.notice.DeliveryRepository.Taken;

/**
 * The outbox's scheduler: sends the GROUP_CHAT and SUBSCRIBE rows that fall due, on every replica
 * at once if there are several. Each run marks rows left mid-send by a stopped relay FAILED
 * ("outcome unknown", never sent again: at most once), takes due rows no other relay holds
 * ({@code FOR UPDATE SKIP LOCKED} and a claim lease), and hands each to its channel
 * ({@link RobotChannel}, {@link SubscribeChannel}) on a managed executor, up to
 * {@code tongxin.notice.relay-parallelism} targets at once, each target's rows one after another in
 * the order they fell due. What a send came to is recorded by {@link DeliveryOutcomes}.
 */
@ApplicationScoped
public class DeliveryRelay {

    private final DeliveryRepository deliveries;
    private final NoticeConfig config;
    private final DeliveryOutcomes outcomes;
    private final Map<Notice.Channel, DeliveryChannel> channels = new EnumMap<>(Notice.Channel.class);
    private final ManagedExecutor sending;

    DeliveryRelay(DeliveryRepository deliveries, NoticeConfig config, DeliveryOutcomes outcomes, Instance<DeliveryChannel> channels) {
        this.deliveries = deliveries;
        this.config = config;
        this.outcomes = outcomes;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.sending = ManagedExecutor.builder().maxAsync(config.relayParallelism()).maxQueued(-1)
                .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
    }

    @Scheduled(every = "${tongxin.notice.relay-every:2s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            while (runOnce() == config.relayBatch()) {
                // a full batch: there may be more due
            }
        } catch (RuntimeException unreachable) {
            Log.warnf("notice relay run skipped (%s)", unreachable.getClass().getSimpleName());
        }
    }

    /** One run: answers how many due deliveries it took. */
    public int runOnce() {
        OffsetDateTime now = outcomes.now();
        int unknown = deliveries.expireSends(now);
        if (unknown > 0) {
            Log.warnf("notice relay: %d deliveries were left mid-post by a stopped relay; marked FAILED (outcome unknown)", unknown);
        }
        OffsetDateTime claim = now.plus(config.lease());
        List<Taken> taken = deliveries.takeDue(now, claim, config.relayBatch());
        Map<List<Object>, List<Taken>> byTarget = taken.stream().collect(Collectors.groupingBy(
                t -> List.of(t.channel(), t.targetId()), LinkedHashMap::new, Collectors.toList()));
        List<CompletableFuture<Void>> targetsDone = new ArrayList<>();
        byTarget.values().forEach(rows -> targetsDone.add(sending.runAsync(
                () -> rows.forEach(t -> channels.get(t.channel()).deliver(t, claim)))));
        for (CompletableFuture<Void> done : targetsDone) {
            try {
                done.join();
            } catch (CompletionException failed) {
                Log.warnf("notice relay: a target's deliveries stopped (%s); they are taken again after the claim",
                        failed.getCause().getClass().getSimpleName());
            }
        }
        return taken.size();
    }

    @PreDestroy
    void stop() {
        sending.shutdown();
    }
}
