package org.tongxin.notice;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;
import org.tongxin.auth.ScopeGuard;

/** Group chats' robots per community and grid. */
@ApplicationScoped
public class GroupChatRepository implements PanacheRepositoryBase<GroupChat, UUID> {

    /** The robot's sealed key as stored now (not from a session's cache: it may have been replaced); empty once closed. */
    public java.util.Optional<byte[]> sealedKey(UUID chatId) {
        return getEntityManager().createQuery("select g.webhookKeyEnc from GroupChat g where g.id = :id and g.webhookKeyEnc is not null",
                        byte[].class)
                .setParameter("id", chatId).getResultStream().findFirst();
    }

    public boolean nameTaken(UUID communityId, String name) {
        return count("place.communityId = ?1 and name = ?2", communityId, name) > 0;
    }

    /** The community's robots within {@code reach}: all, or those of its grids listed (a community's own robot has no grid). */
    public PanacheQuery<GroupChat> ofCommunity(UUID communityId, ScopeGuard.Reach reach) {
        return reach.whole() ? find("place.communityId = ?1 order by name, id", communityId)
                : find("place.communityId = ?1 and place.gridId in ?2 order by name, id", communityId, reach.grids());
    }

    /** Open group chats of the scope, per community (a stand-down's dry run). */
    List<PersonalData.Count> openIn(PurgeScope scope) {
        return PersonalData.counts(scope.bind(getEntityManager().createNativeQuery("SELECT community_id, count(*) AS n FROM group_chat"
                + " WHERE closed_at IS NULL AND " + scope.where("street_id") + " GROUP BY community_id", Tuple.class)));
    }

    /** Closes up to {@code limit} group chats of the scope, their keys removed (a stand-down's purge); answers how many. */
    int close(PurgeScope scope, int limit, OffsetDateTime now) {
        return scope.bind(getEntityManager().createNativeQuery("""
                UPDATE group_chat SET webhook_key_enc = NULL, key_hint = NULL, closed_at = :now
                WHERE id IN (SELECT id FROM group_chat WHERE closed_at IS NULL AND %s LIMIT :n FOR UPDATE SKIP LOCKED)"""
                .formatted(scope.where("street_id")))).setParameter("n", limit).setParameter("now", now).executeUpdate();
    }
}
