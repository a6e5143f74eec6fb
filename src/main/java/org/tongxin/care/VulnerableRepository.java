package org.tongxin.care;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The vulnerable-person register. */
@ApplicationScoped
public class VulnerableRepository implements PanacheRepositoryBase<VulnerablePerson, UUID> {

    public List<VulnerablePerson> ofCommunity(UUID communityId) {
        return list("communityId = ?1 order by recordedAt", communityId);
    }
}
