package org.tongxin.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.order.OrderDtos.CatalogItem;

/** Ordering windows and their stock. Stock is taken by {@code place_order} ({@link OrderLedger}) and given back here. */
@ApplicationScoped
public class WindowRepository implements PanacheRepositoryBase<OrderingWindow, UUID> {

    public void addStock(UUID windowId, UUID productId, int quantity) {
        getEntityManager().createNativeQuery("""
                INSERT INTO window_stock (window_id, product_id, quantity, remaining) VALUES (:w, :p, :q, :q)""")
                .setParameter("w", windowId).setParameter("p", productId).setParameter("q", quantity).executeUpdate();
    }

    /** The community's window open at {@code now}, the latest opened if several overlap. */
    public Optional<OrderingWindow> openIn(UUID communityId, OffsetDateTime now) {
        return find("communityId = ?1 and opensAt <= ?2 and closesAt > ?2 order by opensAt desc", communityId, now)
                .firstResultOptional();
    }

    public List<CatalogItem> items(UUID windowId) {
        return getEntityManager().createQuery("""
                select p.id, p.name, p.kind, p.priceFen, p.unit, s.remaining, p.perHouseholdLimit
                from WindowStock s, Product p where s.windowId = :w and p.id = s.productId order by p.kind, p.name""",
                CatalogItem.class).setParameter("w", windowId).getResultList();
    }
}
