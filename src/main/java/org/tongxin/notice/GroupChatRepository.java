package org.tongxin.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Group chats' robots per community and grid. */
@ApplicationScoped
public class GroupChatRepository implements PanacheRepositoryBase<GroupChat, UUID> {

    public boolean nameTaken(UUID communityId, String name) {
        return count("communityId = ?1 and name = ?2", communityId, name) > 0;
    }

    public List<GroupChat> ofCommunity(UUID communityId) {
        return list("communityId = ?1 order by name", communityId);
    }
}
