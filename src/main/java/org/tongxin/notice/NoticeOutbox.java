package org.tongxin.notice;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.tongxin.common.OrgLocation;

/**
 * How the features above tell people something: inside their own transaction (the call refuses
 * to run outside one), so the message and its outbox rows commit or roll back with the business
 * change that caused it — never an HTTP call, never a thread of its own.
 *
 * <p>Each message carries the caller's {@code ref}, its own key for it ({@code "batch-released:<id>:door"}):
 * a second call with the same ref adds nothing (a retried business step does not message twice),
 * and {@link #cancel} withdraws a message that is not yet due (a reminder for a claim that was
 * cancelled).
 */
@ApplicationScoped
public class NoticeOutbox {

    private final NoticeRepository notices;
    private final DeliveryRepository deliveries;
    private final Clock clock;

    NoticeOutbox(NoticeRepository notices, DeliveryRepository deliveries, Clock clock) {
        this.notices = notices;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** A message in the own feed of each of {@code users}, from {@code at} (now or later). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toUsers(String ref, Collection<UUID> users, String title, String body, OffsetDateTime at) {
        if (users.isEmpty() || notices.byRef(ref).isPresent()) {
            return;
        }
        OffsetDateTime now = now();
        OffsetDateTime due = at.isAfter(now) ? at.truncatedTo(ChronoUnit.MICROS) : now;
        Notice notice = Notice.fromFeature(ref, title, body, Notice.ScopeType.USERS, null, null, List.of(Notice.Channel.FEED),
                due, now);
        notices.persistAndFlush(notice);
        notices.publish(notice.getId(), due, now);
        deliveries.writeFeedTo(notice.getId(), users.stream().distinct().toList(), due);
        Log.infof("message ref=%s notice=%s people=%d due=%s", ref, notice.getId(), users.size(), due);
    }

    /**
     * A notice to everyone in a place (its group robots and the feed of its households), as staff
     * would publish it, from {@code at}. The place's finest level set is the scope.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toPlace(String ref, OrgLocation place, String title, String body, List<Notice.Channel> channels, OffsetDateTime at) {
        if (notices.byRef(ref).isPresent()) {
            return;
        }
        OffsetDateTime now = now();
        OffsetDateTime due = at.isAfter(now) ? at.truncatedTo(ChronoUnit.MICROS) : now;
        OrgLocation addressed = place.aboveHousehold();
        Notice.ScopeType type = switch (addressed.finest()) {
            case BUILDING -> Notice.ScopeType.BUILDING;
            case GRID -> Notice.ScopeType.GRID;
            case COMMUNITY -> Notice.ScopeType.COMMUNITY;
            default -> Notice.ScopeType.STREET;
        };
        UUID scopeId = addressed.finestId();
        Notice notice = Notice.fromFeature(ref, title, body, type, scopeId, addressed, channels, due, now);
        notices.persistAndFlush(notice);
        notices.publish(notice.getId(), due, now);
        if (channels.contains(Notice.Channel.FEED)) {
            deliveries.writeFeed(notice.getId(), scopeId, due);
        }
        if (channels.contains(Notice.Channel.GROUP_CHAT)) {
            deliveries.writeGroupChats(notice.getId(), notice.place(), due);
        }
        Log.infof("message ref=%s notice=%s scope=%s:%s due=%s", ref, notice.getId(), type, scopeId, due);
    }

    /** Withdraws the message of {@code ref} if it is not yet due: its unsent rows go; answers whether it did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean cancel(String ref) {
        OffsetDateTime now = now();
        var notice = notices.byRef(ref);
        if (notice.isEmpty() || !notices.cancel(ref, now)) {
            return false;
        }
        deliveries.dropUnsent(notice.get().getId());
        Log.infof("message withdrawn ref=%s notice=%s", ref, notice.get().getId());
        return true;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
