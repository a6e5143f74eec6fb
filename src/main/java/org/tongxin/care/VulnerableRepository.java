package org.tongxin.care;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.tongxin.auth.ScopeGuard;

/** The vulnerable-person register. */
@ApplicationScoped
public class VulnerableRepository implements PanacheRepositoryBase<VulnerablePerson, UUID> {

    /** The community's entries within {@code reach}, oldest first. */
    public PanacheQuery<VulnerablePerson> ofCommunity(UUID communityId, ScopeGuard.Reach reach) {
        return reach.whole() ? find("place.communityId = ?1 order by recordedAt, id", communityId)
                : find("place.communityId = ?1 and place.gridId in ?2 order by recordedAt, id", communityId, reach.grids());
    }
}
