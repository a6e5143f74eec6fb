package org.tongxin.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.common.OrgLocation;
import org.tongxin.notice.NoticeDtos.DeliveryView;

/** The outbox: delivery rows, written with the publication of their notice. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<NoticeDelivery, UUID> {

    /** The feed's row: the notice is in the feed of its scope from {@code at}. */
    public void writeFeed(UUID noticeId, UUID scopeId, OffsetDateTime at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO notice_delivery (id, notice_id, channel, target_id, status, next_attempt_at, sent_at)
                VALUES (gen_random_uuid(), :n, 'FEED', :target, 'SENT', :at, :at)
                ON CONFLICT (notice_id, channel, target_id) DO UPDATE SET next_attempt_at = :at, sent_at = :at""")
                .setParameter("n", noticeId).setParameter("target", scopeId).setParameter("at", at).executeUpdate();
    }

    /**
     * One row per group robot whose place lies in the notice's place, due at {@code at}: a grid's
     * robots for a grid or a building of it, a community's (its own and its grids') for a
     * community, and so on up. A row already written (a scheduled notice published now) is due now.
     */
    public int writeGroupChats(UUID noticeId, OrgLocation place, OffsetDateTime at) {
        String where = place.gridId() != null ? "g.grid_id = :place"
                : place.communityId() != null ? "g.community_id = :place" : "g.street_id = :place";
        UUID placeId = place.gridId() != null ? place.gridId() : place.communityId() != null ? place.communityId() : place.streetId();
        return getEntityManager().createNativeQuery("""
                INSERT INTO notice_delivery (id, notice_id, channel, target_id, status, next_attempt_at)
                SELECT gen_random_uuid(), :n, 'GROUP_CHAT', g.id, 'PENDING', :at FROM group_chat g WHERE\s""" + where + """
                 ON CONFLICT (notice_id, channel, target_id) DO UPDATE SET next_attempt_at = :at
                WHERE notice_delivery.status = 'PENDING'""")
                .setParameter("n", noticeId).setParameter("place", placeId).setParameter("at", at).executeUpdate();
    }

    public List<DeliveryView> of(UUID noticeId) {
        return getEntityManager().createQuery("""
                select d.channel, d.targetId, g.name, d.status, d.attempts, d.lastError, d.sentAt
                from NoticeDelivery d left join GroupChat g on g.id = d.targetId
                where d.noticeId = :n order by d.channel, g.name""", DeliveryView.class)
                .setParameter("n", noticeId).getResultList();
    }
}
