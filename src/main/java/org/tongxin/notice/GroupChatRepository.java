package org.tongxin.notice;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.tongxin.auth.ScopeGuard;

/** Group chats' robots per community and grid. */
@ApplicationScoped
public class GroupChatRepository implements PanacheRepositoryBase<GroupChat, UUID> {

    /** The robot's sealed key as stored now (not from a session's cache: it may have been replaced). */
    public java.util.Optional<byte[]> sealedKey(UUID chatId) {
        return getEntityManager().createQuery("select g.webhookKeyEnc from GroupChat g where g.id = :id", byte[].class)
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
}
