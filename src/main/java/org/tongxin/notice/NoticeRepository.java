package org.tongxin.notice;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tongxin.common.OrgLocation;

/** Notices, and the feed of a household: what is published for a place it lies in. */
@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, UUID> {

    /**
     * Sets the publication time {@code at} unless the notice is already published at {@code now};
     * false when it is (two publishers at once: one wins).
     */
    public boolean publish(UUID noticeId, OffsetDateTime at, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE notice SET published_at = :at WHERE id = :id AND (published_at IS NULL OR published_at > :now)""")
                .setParameter("at", at).setParameter("id", noticeId).setParameter("now", now).executeUpdate() == 1;
    }

    /** What a group robot posts of a notice. */
    public record Content(String title, String body) {}

    public Content content(UUID noticeId) {
        return getEntityManager().createQuery("select n.title, n.body from Notice n where n.id = :id", Content.class)
                .setParameter("id", noticeId).getSingleResult();
    }

    /** FEED notices published by {@code now} for any place containing the household, newest first. */
    public PanacheQuery<Notice> feed(OrgLocation household, OffsetDateTime now) {
        return find("""
                publishedAt <= :now and array_contains(channels, 'FEED') and streetId = :street
                and (communityId is null or communityId = :community) and (gridId is null or gridId = :grid)
                and (buildingId is null or buildingId = :building) order by publishedAt desc""",
                Parameters.with("now", now).and("street", household.streetId()).and("community", household.communityId())
                        .and("grid", household.gridId()).and("building", household.buildingId()));
    }
}
