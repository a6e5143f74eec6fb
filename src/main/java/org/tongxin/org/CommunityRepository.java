package org.tongxin.org;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.common.OrgLocation;

/** Communities and villages. */
@ApplicationScoped
public class CommunityRepository implements PanacheRepositoryBase<Community, UUID> {

    public boolean nameTaken(UUID streetId, String name) {
        return count("streetId = ?1 and name = ?2", streetId, name) > 0;
    }

    public Optional<OrgLocation> locate(UUID communityId) {
        return findByIdOptional(communityId)
                .map(c -> new OrgLocation(c.getStreetId(), c.getId(), null, null, null));
    }
}
