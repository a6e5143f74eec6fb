package org.tongxin.notice;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.tongxin.auth.AccountService;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SealedColumn;
import org.tongxin.common.TimeConfig;
import org.tongxin.notice.DeliveryRepository.Taken;
import org.tongxin.wechat.SendOutcome;
import org.tongxin.wechat.WeChatClient;
import org.tongxin.wechat.WeComRobots;

/**
 * Sends the group-chat and subscribe rows of the outbox (subscribe rows: see
 * {@code deliverSubscribe}), on every replica at once if there are several: each run takes due rows
 * no other relay holds ({@code FOR UPDATE SKIP LOCKED} and a claim lease), posts to up to
 * {@code tongxin.notice.relay-parallelism} robots at once (each robot's rows one after another, in
 * order), and for each row, in this order, keeps the robot's 20-a-minute limit (Redis),
 * records SENDING with a send lease, posts, and records the outcome:
 *
 * <ul>
 *   <li>posted → SENT;</li>
 *   <li>WeCom's own rate limit (45009) → PENDING again a minute later, counted as an attempt (a robot
 *       that keeps answering it ends FAILED after {@code tongxin.notice.max-attempts}, as below);</li>
 *   <li>a refusal that will not change (a bad or removed key, 93000...) → FAILED with the error;</li>
 *   <li>anything passing (HTTP 5xx, no answer, -1) → PENDING again after a backoff of 10 s, 20 s,
 *       40 s... up to 10 minutes, and FAILED after {@code tongxin.notice.max-attempts};</li>
 *   <li>a row left in SENDING past its lease (its relay stopped mid-post) → FAILED as "outcome
 *       unknown", never posted again: at most once per robot (docs/notices.md).</li>
 * </ul>
 * The key is decrypted only to post and appears in no log line or error.
 */
@ApplicationScoped
public class DeliveryRelay {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(10);

    private final DeliveryRepository deliveries;
    private final NoticeRepository notices;
    private final GroupChatRepository chats;
    private final RobotRateGate gate;
    private final WeComRobots robots;
    private final PiiCipher cipher;
    private final NoticeConfig config;
    private final Clock clock;
    private final ExecutorService posting;
    private final ConsentRepository consents;
    private final AccountService accounts;
    private final WeChatClient wechat;
    private final ZoneId zone;

    DeliveryRelay(DeliveryRepository deliveries, NoticeRepository notices, GroupChatRepository chats, RobotRateGate gate,
                  WeComRobots robots, PiiCipher cipher, NoticeConfig config, Clock clock, ConsentRepository consents,
                  AccountService accounts, WeChatClient wechat, TimeConfig time) {
        this.consents = consents;
        this.accounts = accounts;
        this.wechat = wechat;
        this.zone = time.zone();
        this.deliveries = deliveries;
        this.notices = notices;
        this.chats = chats;
        this.gate = gate;
        this.robots = robots;
        this.cipher = cipher;
        this.config = config;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.posting = Executors.newFixedThreadPool(config.relayParallelism(), r -> {
            Thread t = new Thread(r, "notice-relay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
    @ActivateRequestContext
    public int runOnce() {
        OffsetDateTime now = now();
        int unknown = deliveries.expireSends(now);
        if (unknown > 0) {
            Log.warnf("notice relay: %d deliveries were left mid-post by a stopped relay; marked FAILED (outcome unknown)", unknown);
        }
        OffsetDateTime claim = now.plus(config.lease());
        List<Taken> taken = deliveries.takeDue(now, claim, config.relayBatch());
        // Robots in parallel, each robot's deliveries one after another and in the order they fell due.
        Map<UUID, List<Taken>> byRobot = taken.stream()
                .collect(Collectors.groupingBy(Taken::targetId, LinkedHashMap::new, Collectors.toList()));
        List<Future<?>> robotsDone = new ArrayList<>();
        byRobot.values().forEach(rows -> robotsDone.add(posting.submit(() -> inRequestContext(() -> rows.forEach(t -> deliver(t, claim))))));
        for (Future<?> done : robotsDone) {
            try {
                done.get();
            } catch (ExecutionException failed) {
                Log.warnf("notice relay: a robot's deliveries stopped (%s); they are taken again after the claim",
                        failed.getCause().getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return taken.size();
    }

    private static void inRequestContext(Runnable work) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            work.run();
        } finally {
            request.terminate();
        }
    }

    @PreDestroy
    void stop() {
        posting.shutdown();
    }

    private void deliver(Taken t, OffsetDateTime claim) {
        if (t.channel() == Notice.Channel.SUBSCRIBE) {
            deliverSubscribe(t, claim);
        } else {
            deliverToRobot(t, claim);
        }
    }

    /**
     * A subscribe message: SENDING recorded first, then one of the person's acceptances used up,
     * then the send. 43101 (refused, or none left on WeChat's side) ends it FAILED with the
     * acceptance used, never retried; a passing failure gives the acceptance back and retries.
     */
    private void deliverSubscribe(Taken t, OffsetDateTime claim) {
        OffsetDateTime now = now();
        OffsetDateTime sendLease = now.plus(config.lease());
        String template = config.subscribe().templateId().orElse(null);
        if (!deliveries.startSending(t.id(), claim, sendLease)) {
            return;
        }
        int attempt = t.attempts() + 1;
        var openid = accounts.openidOf(t.targetId());
        var consent = template == null ? java.util.Optional.<UUID>empty() : consents.useOne(t.targetId(), template, t.id(), now);
        if (template == null || openid.isEmpty() || consent.isEmpty()) {
            deliveries.failed(t.id(), sendLease, template == null ? "no subscribe template configured"
                    : openid.isEmpty() ? "the person has no WeChat openid" : "no unused acceptance of the template left");
            return;
        }
        NoticeRepository.Content notice = notices.content(t.noticeId());
        NoticeConfig.Subscribe s = config.subscribe();
        SendOutcome outcome = wechat.sendSubscribe(openid.get(), template, s.page(), java.util.Map.of(
                s.titleField(), SubscribeFields.thing(notice.title()),
                s.summaryField(), SubscribeFields.thing(SubscribeFields.plain(notice.body())),
                s.timeField(), SubscribeFields.time(now.atZoneSameInstant(zone))));
        OffsetDateTime after = now();
        boolean recorded = switch (outcome.kind()) {
            case SENT -> deliveries.sent(t.id(), sendLease, after);
            case PERMANENT -> deliveries.failed(t.id(), sendLease, outcome.reason());
            case RATE_LIMITED, TRANSIENT -> {
                consents.giveBack(consent.get());
                yield attempt >= config.maxAttempts()
                        ? deliveries.failed(t.id(), sendLease, outcome.reason() + "; gave up after " + attempt + " attempts")
                        : deliveries.retry(t.id(), sendLease, after.plus(backoff(attempt)), outcome.reason());
            }
        };
        Log.infof("notice delivery id=%s notice=%s channel=SUBSCRIBE user=%s attempt=%d outcome=%s code=%d%s", t.id(),
                t.noticeId(), t.targetId(), attempt, outcome.kind(), outcome.code(), recorded ? "" : " (not recorded)");
    }

    private void deliverToRobot(Taken t, OffsetDateTime claim) {
        byte[] sealedKey = chats.sealedKey(t.targetId()).orElseThrow();
        NoticeRepository.Content notice = notices.content(t.noticeId());
        OffsetDateTime now = now();
        long waitMillis;
        try {
            waitMillis = gate.take(t.targetId(), t.id(), now.toInstant().toEpochMilli(), config.robotPerMinute());
        } catch (RuntimeException unreachable) {
            Log.warnf("notice relay: robot rate gate unavailable (%s); delivery %s waits", unreachable.getClass().getSimpleName(), t.id());
            deliveries.release(t.id(), claim, now.plus(FIRST_BACKOFF));
            return;
        }
        if (waitMillis > 0) {
            deliveries.release(t.id(), claim, now.plus(Duration.ofMillis(waitMillis)));
            return;
        }
        OffsetDateTime sendLease = now.plus(config.lease());
        if (!deliveries.startSending(t.id(), claim, sendLease)) {
            return; // another relay took it over after this one's claim passed
        }
        int attempt = t.attempts() + 1;
        String key;
        try {
            key = cipher.open(SealedColumn.ROBOT_WEBHOOK_KEY, t.targetId(), sealedKey);
        } catch (PiiCipher.Unavailable e) {
            cipher.report(e);
            deliveries.failed(t.id(), sendLease, "the robot's webhook key cannot be opened: replace the key");
            return;
        }
        SendOutcome outcome = robots.sendMarkdown(key,
                ChatMessage.markdown(notice.title(), notice.body()));
        OffsetDateTime after = now();
        boolean recorded = switch (outcome.kind()) {
            case SENT -> deliveries.sent(t.id(), sendLease, after);
            case PERMANENT -> deliveries.failed(t.id(), sendLease, outcome.reason());
            case RATE_LIMITED, TRANSIENT -> attempt >= config.maxAttempts()
                    ? deliveries.failed(t.id(), sendLease, outcome.reason() + "; gave up after " + attempt + " attempts")
                    : deliveries.retry(t.id(), sendLease, outcome.kind() == SendOutcome.Kind.RATE_LIMITED
                            ? after.plusMinutes(1) : after.plus(backoff(attempt)), outcome.reason());
        };
        Log.infof("notice delivery id=%s notice=%s robot=%s attempt=%d outcome=%s code=%d%s", t.id(), t.noticeId(),
                t.targetId(), attempt, outcome.kind(), outcome.code(), recorded ? "" : " (not recorded: the send lease passed)");
    }

    static Duration backoff(int attempt) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 16));
        return d.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : d;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
