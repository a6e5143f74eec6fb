package org.tongxin.notice;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.OrgLocation;

/** Notices, and the feed of a household: what is published for a place it lies in. */
@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, UUID> {

    /**
     * Sets the publication time {@code at}: a draft, or a notice still scheduled (its time ahead),
     * is published; anything else is refused (false). Publishing now ends the schedule
     * ({@code send_at} cleared), so that of two publishers at once the second finds nothing left to
     * publish, whatever their clocks read (comparing times alone let a publisher whose "now" was a
     * moment earlier take the first one's publication for a schedule).
     */
    public boolean publish(UUID noticeId, OffsetDateTime at, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE notice SET published_at = :at, send_at = CASE WHEN :at > :now THEN send_at END
                WHERE id = :id AND (published_at IS NULL OR (send_at IS NOT NULL AND published_at > :now))""")
                .setParameter("at", at).setParameter("id", noticeId).setParameter("now", now).executeUpdate() == 1;
    }

    /** What a group robot posts of a notice. */
    @RegisterForReflection
    public record Content(String title, String body) {}

    public Content content(UUID noticeId) {
        return getEntityManager().createQuery("select n.title, n.body from Notice n where n.id = :id", Content.class)
                .setParameter("id", noticeId).getSingleResult();
    }

    /**
     * The person's feed: FEED notices published by {@code now} for any place containing their
     * household ({@code household} null: none), and messages addressed to them; newest first.
     */
    public PanacheQuery<Notice> feed(UUID userId, OrgLocation household, OffsetDateTime now) {
        String personal = "exists (select 1 from NoticeDelivery d where d.noticeId = n.id and d.channel = 'FEED' and d.targetId = :user)";
        Parameters params = Parameters.with("now", now).and("user", userId);
        String inScope = "1 = 0";
        if (household != null) {
            inScope = """
                    (array_contains(n.channels, 'FEED') and n.place.streetId = :street
                     and (n.place.communityId is null or n.place.communityId = :community)
                     and (n.place.gridId is null or n.place.gridId = :grid)
                     and (n.place.buildingId is null or n.place.buildingId = :building))""";
            params.and("street", household.streetId()).and("community", household.communityId())
                    .and("grid", household.gridId()).and("building", household.buildingId());
        }
        return find("from Notice n where n.publishedAt <= :now and n.cancelledAt is null and (" + inScope + " or " + personal
                + ") order by n.publishedAt desc", params);
    }

    /**
     * Staff notices addressed to the community or within it, inside {@code reach} (all, or those of
     * the grids listed and below them), newest first; a feature's messages to people are not listed.
     */
    public PanacheQuery<Notice> ofCommunity(UUID communityId, ScopeGuard.Reach reach) {
        String base = "scopeType <> ?1 and place.communityId = ?2";
        return reach.whole() ? find(base + " order by createdAt desc, id", Notice.ScopeType.USERS, communityId)
                : find(base + " and place.gridId in ?3 order by createdAt desc, id", Notice.ScopeType.USERS, communityId, reach.grids());
    }

    /** Withdraws a feature's message not yet due at {@code now}; false if there is none (or it is out already). */
    public boolean cancel(String ref, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE notice SET cancelled_at = :now WHERE ref = :ref AND cancelled_at IS NULL AND published_at > :now""")
                .setParameter("now", now).setParameter("ref", ref).executeUpdate() == 1;
    }

    public java.util.Optional<Notice> byRef(String ref) {
        return find("ref", ref).firstResultOptional();
    }
}
