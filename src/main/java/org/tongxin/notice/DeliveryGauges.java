package org.tongxin.notice;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an operator watches to see a stuck relay, on {@code /q/metrics}:
 * {@code tongxin_notice_deliveries_due} (due and not yet sent) and
 * {@code tongxin_notice_delivery_oldest_due_seconds} (how long the oldest of them has waited).
 * Read from the database every 15 s ({@code tongxin.notice.gauges-every}) by a job of its own, so
 * that they keep moving when the relay does not. Registered at start ({@link Startup}), not when the
 * job first runs, so that an alert on them never sees a freshly started replica without them.
 */
@Startup
@ApplicationScoped
public class DeliveryGauges {

    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    DeliveryGauges(DeliveryRepository deliveries, Clock clock, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.clock = clock;
        Gauge.builder("tongxin.notice.deliveries.due", due, AtomicLong::get)
                .description("Notice deliveries due and not yet sent").register(registry);
        Gauge.builder("tongxin.notice.delivery.oldest.due.seconds", oldestSeconds, AtomicLong::get)
                .description("How long the oldest unsent due delivery has waited").baseUnit("seconds").register(registry);
    }

    @Scheduled(every = "${tongxin.notice.gauges-every:15s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            refresh();
        } catch (RuntimeException unreachable) {
            Log.warnf("notice delivery gauges not refreshed (%s)", unreachable.getClass().getSimpleName());
        }
    }

    @ActivateRequestContext
    public void refresh() {
        DeliveryRepository.Backlog backlog = deliveries.backlog(OffsetDateTime.now(clock));
        due.set(backlog.due());
        oldestSeconds.set(backlog.oldestSeconds());
    }
}
