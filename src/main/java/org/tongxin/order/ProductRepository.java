package org.tongxin.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Products of the communities. */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

    public boolean nameTaken(UUID communityId, String name) {
        return count("communityId = ?1 and name = ?2", communityId, name) > 0;
    }

    /** The community's products, foods first, by name. */
    public List<Product> ofCommunity(UUID communityId) {
        return list("communityId = ?1 order by kind, name", communityId);
    }

    public List<Product> byIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }
}
