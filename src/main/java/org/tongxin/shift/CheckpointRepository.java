package org.tongxin.shift;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Checkpoints of a community. */
@ApplicationScoped
public class CheckpointRepository implements PanacheRepositoryBase<Checkpoint, UUID> {

    public List<Checkpoint> ofCommunity(UUID communityId) {
        return list("communityId = ?1 order by name", communityId);
    }

    public boolean nameTaken(UUID communityId, String name) {
        return count("communityId = ?1 and name = ?2", communityId, name) > 0;
    }
}
