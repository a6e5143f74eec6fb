package org.tongxin.org;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Streets and towns. */
@ApplicationScoped
public class StreetRepository implements PanacheRepositoryBase<Street, UUID> {

    public boolean nameTaken(String name) {
        return count("name", name) > 0;
    }
}
