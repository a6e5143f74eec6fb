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

    public List<Product> byIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }
}
