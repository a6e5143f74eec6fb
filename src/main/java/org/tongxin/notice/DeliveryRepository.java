package org.tongxin.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.SqlRows;

/** The outbox: delivery rows, written with the publication of their notice. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<NoticeDelivery, UUID> {

    /** The feed's row: the notice is in the feed of its scope from {@code at}. */
    public void writeFeed(UUID noticeId, UUID scopeId, OffsetDateTime at) {
        write(noticeId, Notice.Channel.FEED, "SELECT cast(:scope AS uuid) AS id", at).setParameter("scope", scopeId).executeUpdate();
    }

    /**
     * The feed rows of a message to people, one per person, in one statement (a batch of a
     * window's orders is thousands of people), in the caller's transaction.
     */
    public void writeFeedTo(UUID noticeId, java.util.Collection<UUID> users, OffsetDateTime at) {
        write(noticeId, Notice.Channel.FEED, "SELECT unnest(cast(:users AS uuid[])) AS id", at)
                .setParameter("users", users.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .executeUpdate();
    }

    /**
     * One row per group robot whose place lies in the notice's place, due at {@code at}: a grid's
     * robots for a grid or a building of it, a community's (its own and its grids') for a
     * community, and so on up. A row already written (a scheduled notice published now) is due now.
     */
    public int writeGroupChats(UUID noticeId, OrgLocation place, OffsetDateTime at) {
        OrgLocation robots = new OrgLocation(place.streetId(), place.communityId(), place.gridId(), null, null);
        String where = switch (robots.finest()) {
            case GRID -> "g.grid_id = :place";
            case COMMUNITY -> "g.community_id = :place";
            default -> "g.street_id = :place";
        };
        return write(noticeId, Notice.Channel.GROUP_CHAT, "SELECT g.id FROM group_chat g WHERE g.closed_at IS NULL AND " + where, at)
                .setParameter("place", robots.finestId()).executeUpdate();
    }

    /**
     * One SUBSCRIBE row per resident whose household lies in the notice's place and who holds an
     * unused acceptance of the template, due at {@code at}.
     */
    public int writeSubscribers(UUID noticeId, OrgLocation place, String templateId, OffsetDateTime at) {
        String where = switch (place.finest()) {
            case HOUSEHOLD -> "h.id = :place";
            case BUILDING -> "b.id = :place";
            case GRID -> "g.id = :place";
            case COMMUNITY -> "c.id = :place";
            default -> "c.street_id = :place";
        };
        return write(noticeId, Notice.Channel.SUBSCRIBE, """
                SELECT u.id FROM app_user u JOIN household h ON h.id = u.household_id JOIN building b ON b.id = h.building_id
                     JOIN grid g ON g.id = b.grid_id JOIN community c ON c.id = g.community_id
                WHERE EXISTS (SELECT 1 FROM subscription_consent s WHERE s.user_id = u.id AND s.template_id = :t AND s.used_at IS NULL)
                  AND\s""" + where, at).setParameter("t", templateId).setParameter("place", place.finestId()).executeUpdate();
    }

    /**
     * The one statement that writes outbox rows: one per target {@code targets} selects (a column
     * {@code id}), due at {@code at}. A FEED row is SENT at {@code at} (the feed reads it from then);
     * the others are PENDING for the relay. A row already there in the same state (a scheduled
     * notice published now) takes the new time; a row the relay has moved on is left alone.
     */
    private jakarta.persistence.Query write(UUID noticeId, Notice.Channel channel, String targets, OffsetDateTime at) {
        boolean feed = channel == Notice.Channel.FEED;
        return getEntityManager().createNativeQuery("""
                INSERT INTO notice_delivery (id, notice_id, channel, target_id, status, next_attempt_at, sent_at)
                SELECT gen_random_uuid(), :n, :channel, t.id, :status, :at, %s FROM (%s) t
                ON CONFLICT (notice_id, channel, target_id) DO UPDATE
                SET next_attempt_at = excluded.next_attempt_at, sent_at = excluded.sent_at
                WHERE notice_delivery.status = excluded.status""".formatted(feed ? ":at" : "NULL::timestamptz", targets))
                .setParameter("n", noticeId).setParameter("channel", channel.name())
                .setParameter("status", (feed ? NoticeDelivery.Status.SENT : NoticeDelivery.Status.PENDING).name())
                .setParameter("at", at);
    }

    /** The rows of a message withdrawn before it was due: none has gone out (pending posts, feed rows of a later time). */
    public void dropUnsent(UUID noticeId) {
        getEntityManager().createNativeQuery("""
                DELETE FROM notice_delivery WHERE notice_id = :n AND (status = 'PENDING' OR channel = 'FEED')""")
                .setParameter("n", noticeId).executeUpdate();
    }

    /** A delivery a relay has taken: which notice to which robot (GROUP_CHAT) or person (SUBSCRIBE). */
    @RegisterForReflection
    public record Taken(UUID id, UUID noticeId, Notice.Channel channel, UUID targetId, int attempts) {}

    /**
     * Takes up to {@code batch} due group-chat and subscribe deliveries for one relay: rows still PENDING, due,
     * and held by no other relay ({@code SKIP LOCKED}, and no live lease); each gets the lease
     * {@code lease}, the relay's claim on it. A relay that dies leaves them PENDING; once the
     * lease passes, another takes them. Nothing is sent yet.
     */
    @Transactional
    public List<Taken> takeDue(OffsetDateTime now, OffsetDateTime lease, int batch) {
        var query = getEntityManager().createNativeQuery("""
                UPDATE notice_delivery d SET lease_until = :lease
                FROM (SELECT id FROM notice_delivery
                      WHERE status = 'PENDING' AND channel IN ('GROUP_CHAT', 'SUBSCRIBE') AND next_attempt_at <= :now
                        AND (lease_until IS NULL OR lease_until < :now)
                      ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED) due
                WHERE d.id = due.id
                RETURNING d.id, d.notice_id, d.channel, d.target_id, d.attempts""", Tuple.class)
                .setParameter("lease", lease).setParameter("now", now).setParameter("batch", batch);
        return SqlRows.tuples(query).stream().map(r -> new Taken(r.get("id", UUID.class), r.get("notice_id", UUID.class),
                Notice.Channel.valueOf(r.get("channel", String.class)), r.get("target_id", UUID.class),
                SqlRows.integer(r, "attempts"))).toList();
    }

    /**
     * PENDING → SENDING, recorded before the post: counts the attempt and replaces the relay's
     * claim by a send lease. False when the claim was lost (another relay took the row).
     */
    @Transactional
    public boolean startSending(UUID id, OffsetDateTime claim, OffsetDateTime sendLease) {
        return getEntityManager().createNativeQuery("""
                UPDATE notice_delivery SET status = 'SENDING', lease_until = :send, attempts = attempts + 1
                WHERE id = :id AND status = 'PENDING' AND lease_until = :claim""")
                .setParameter("send", sendLease).setParameter("id", id).setParameter("claim", claim).executeUpdate() == 1;
    }

    /** Gives a taken but unsent delivery back, due again at {@code at} (not an attempt). */
    @Transactional
    public void release(UUID id, OffsetDateTime claim, OffsetDateTime at) {
        getEntityManager().createNativeQuery("""
                UPDATE notice_delivery SET lease_until = NULL, next_attempt_at = :at
                WHERE id = :id AND status = 'PENDING' AND lease_until = :claim""")
                .setParameter("at", at).setParameter("id", id).setParameter("claim", claim).executeUpdate();
    }

    /** SENDING → SENT, if this relay still holds the send lease. */
    @Transactional
    public boolean sent(UUID id, OffsetDateTime sendLease, OffsetDateTime at) {
        return getEntityManager().createNativeQuery("""
                UPDATE notice_delivery SET status = 'SENT', lease_until = NULL, sent_at = :at
                WHERE id = :id AND status = 'SENDING' AND lease_until = :lease""")
                .setParameter("at", at).setParameter("id", id).setParameter("lease", sendLease).executeUpdate() == 1;
    }

    /** SENDING → PENDING again, due at {@code at}, with the error (the send counted as an attempt). */
    @Transactional
    public boolean retry(UUID id, OffsetDateTime sendLease, OffsetDateTime at, String error) {
        return getEntityManager().createNativeQuery("""
                UPDATE notice_delivery SET status = 'PENDING', lease_until = NULL, next_attempt_at = :at, last_error = :error
                WHERE id = :id AND status = 'SENDING' AND lease_until = :lease""")
                .setParameter("at", at).setParameter("error", error)
                .setParameter("id", id).setParameter("lease", sendLease).executeUpdate() == 1;
    }

    /** SENDING → FAILED for good, with the error. */
    @Transactional
    public boolean failed(UUID id, OffsetDateTime sendLease, String error) {
        return getEntityManager().createNativeQuery("""
                UPDATE notice_delivery SET status = 'FAILED', lease_until = NULL, last_error = :error
                WHERE id = :id AND status = 'SENDING' AND lease_until = :lease""")
                .setParameter("error", error).setParameter("id", id).setParameter("lease", sendLease).executeUpdate() == 1;
    }

    /**
     * Deliveries whose relay stopped while posting them (the send lease passed in SENDING): whether
     * the robot got the message is unknown, and WeCom has no way to ask or to post idempotently,
     * so they end as FAILED with that said, never posted again (at most once).
     */
    @Transactional
    public int expireSends(OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE notice_delivery SET status = 'FAILED', lease_until = NULL,
                       last_error = 'outcome unknown: the relay stopped while posting; not posted again'
                WHERE status = 'SENDING' AND lease_until < :now""").setParameter("now", now).executeUpdate();
    }

    /** Deliveries due and not yet sent, and how long the oldest of them has been due. */
    @RegisterForReflection
    public record Backlog(long due, long oldestSeconds) {}

    public Backlog backlog(OffsetDateTime now) {
        Tuple row = (Tuple) getEntityManager().createNativeQuery("""
                SELECT count(*) AS due, coalesce(extract(epoch FROM (:now - min(next_attempt_at)))::bigint, 0) AS oldest
                FROM notice_delivery WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now""", Tuple.class)
                .setParameter("now", now).getSingleResult();
        return new Backlog(((Number) row.get("due")).longValue(), ((Number) row.get("oldest")).longValue());
    }

    /** A notice's row for one (channel, target), with the group's name for a robot. */
    @RegisterForReflection
    public record Row(Notice.Channel channel, UUID target, String targetName, NoticeDelivery.Status status, int attempts,
                      String lastError, OffsetDateTime sentAt) {}

    public List<Row> of(UUID noticeId) {
        return getEntityManager().createQuery("""
                select d.channel, d.targetId, g.name, d.status, d.attempts, d.lastError, d.sentAt
                from NoticeDelivery d left join GroupChat g on g.id = d.targetId
                where d.noticeId = :n order by d.channel, g.name""", Row.class)
                .setParameter("n", noticeId).getResultList();
    }
}
