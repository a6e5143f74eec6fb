package org.tongxin.notice;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SealedColumn;
import org.tongxin.notice.DeliveryRepository.Taken;
import org.tongxin.wechat.WeComRobots;

/**
 * GROUP_CHAT rows: a markdown post to the group's WeCom robot. In this order: the robot's
 * 20-a-minute limit (Redis, every replica) and WeCom's circuit (closed) are checked — either
 * refusing gives the row back, not as an attempt; SENDING is recorded with a send lease; the key is
 * opened (only to post; in no log line or error) and the message posted; the outcome recorded.
 */
@ApplicationScoped
class RobotChannel implements DeliveryChannel {

    /** How long a row waits when it could not even be tried (the rate gate or WeCom unavailable). */
    private static final Duration NOT_TRIED_WAIT = Duration.ofSeconds(10);

    private final DeliveryRepository deliveries;
    private final DeliveryOutcomes outcomes;
    private final NoticeRepository notices;
    private final GroupChatRepository chats;
    private final RobotRateGate gate;
    private final WeComRobots robots;
    private final PiiCipher cipher;
    private final NoticeConfig config;

    RobotChannel(DeliveryRepository deliveries, DeliveryOutcomes outcomes, NoticeRepository notices, GroupChatRepository chats,
                 RobotRateGate gate, WeComRobots robots, PiiCipher cipher, NoticeConfig config) {
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        this.notices = notices;
        this.chats = chats;
        this.gate = gate;
        this.robots = robots;
        this.cipher = cipher;
        this.config = config;
    }

    @Override
    public Notice.Channel channel() {
        return Notice.Channel.GROUP_CHAT;
    }

    @Override
    @ActivateRequestContext
    public void deliver(Taken t, OffsetDateTime claim) {
        OffsetDateTime now = outcomes.now();
        if (!robots.accepting()) {
            deliveries.release(t.id(), claim, now.plus(NOT_TRIED_WAIT));
            return;
        }
        long waitMillis;
        try {
            waitMillis = gate.take(t.targetId(), t.id(), now.toInstant().toEpochMilli(), config.robotPerMinute());
        } catch (RuntimeException unreachable) {
            Log.warnf("notice relay: robot rate gate unavailable (%s); delivery %s waits", unreachable.getClass().getSimpleName(), t.id());
            deliveries.release(t.id(), claim, now.plus(NOT_TRIED_WAIT));
            return;
        }
        if (waitMillis > 0) {
            deliveries.release(t.id(), claim, now.plus(Duration.ofMillis(waitMillis)));
            return;
        }
        java.util.Optional<byte[]> sealedKey = chats.sealedKey(t.targetId());
        NoticeRepository.Content notice = notices.content(t.noticeId());
        OffsetDateTime sendLease = now.plus(config.lease());
        if (!deliveries.startSending(t.id(), claim, sendLease)) {
            return; // another relay took it over after this one's claim passed
        }
        if (sealedKey.isEmpty()) {
            outcomes.fail(t, sendLease, "the group chat was closed when its street stood down");
            return;
        }
        String key;
        try {
            key = cipher.open(SealedColumn.ROBOT_WEBHOOK_KEY, t.targetId(), sealedKey.get());
        } catch (PiiCipher.Unavailable e) {
            cipher.report(e);
            outcomes.fail(t, sendLease, "the robot's webhook key cannot be opened: replace the key");
            return;
        }
        outcomes.record(t, sendLease, robots.sendMarkdown(key, ChatMessage.markdown(notice.title(), notice.body())), () -> {});
    }
}
