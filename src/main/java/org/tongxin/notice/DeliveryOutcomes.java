package org.tongxin.notice;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.tongxin.notice.DeliveryRepository.Taken;
import org.tongxin.wechat.SendOutcome;

/**
 * The one mapping from a send's outcome to the row's next state, for every channel:
 *
 * <ul>
 *   <li>SENT → SENT;</li>
 *   <li>PERMANENT (a bad or removed key, 93000, 43101...) → FAILED with the error;</li>
 *   <li>UNKNOWN (no answer came: it may be in the group) → FAILED "outcome unknown", never sent
 *       again — at most once, like a row whose relay stopped mid-post;</li>
 *   <li>RATE_LIMITED (45009) → PENDING again a minute later; TRANSIENT (HTTP 5xx, no connection,
 *       -1) → PENDING again after 10 s, 20 s, 40 s... up to 10 minutes; both count as an attempt and
 *       end FAILED after {@code tongxin.notice.max-attempts}.</li>
 * </ul>
 * Each is recorded only while the relay still holds the row's send lease.
 */
@ApplicationScoped
class DeliveryOutcomes {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(10);

    private final DeliveryRepository deliveries;
    private final NoticeConfig config;
    private final Clock clock;

    DeliveryOutcomes(DeliveryRepository deliveries, NoticeConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records what sending {@code t} under {@code sendLease} came to; {@code beforeRetry} runs when the
     * row will be tried again (a subscribe message gives its acceptance back).
     */
    void record(Taken t, OffsetDateTime sendLease, SendOutcome outcome, Runnable beforeRetry) {
        int attempt = t.attempts() + 1;
        OffsetDateTime after = now();
        boolean recorded = switch (outcome.kind()) {
            case SENT -> deliveries.sent(t.id(), sendLease, after);
            case PERMANENT -> deliveries.failed(t.id(), sendLease, outcome.reason());
            case UNKNOWN -> deliveries.failed(t.id(), sendLease, "outcome unknown: " + outcome.reason() + "; not sent again");
            case RATE_LIMITED, TRANSIENT -> {
                beforeRetry.run();
                yield attempt >= config.maxAttempts()
                        ? deliveries.failed(t.id(), sendLease, outcome.reason() + "; gave up after " + attempt + " attempts")
                        : deliveries.retry(t.id(), sendLease, outcome.kind() == SendOutcome.Kind.RATE_LIMITED
                                ? after.plusMinutes(1) : after.plus(backoff(attempt)), outcome.reason());
            }
        };
        Log.infof("notice delivery id=%s notice=%s channel=%s target=%s attempt=%d outcome=%s code=%d%s", t.id(), t.noticeId(),
                t.channel(), t.targetId(), attempt, outcome.kind(), outcome.code(), recorded ? "" : " (not recorded: the send lease passed)");
    }

    /** Ends a row this relay holds in SENDING without sending it: nothing can change that. */
    void fail(Taken t, OffsetDateTime sendLease, String reason) {
        deliveries.failed(t.id(), sendLease, reason);
        Log.infof("notice delivery id=%s notice=%s channel=%s target=%s attempt=%d outcome=FAILED (%s)", t.id(), t.noticeId(),
                t.channel(), t.targetId(), t.attempts() + 1, reason);
    }

    static Duration backoff(int attempt) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 16));
        return d.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : d;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
