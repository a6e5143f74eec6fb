package org.tongxin.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.order.OrderDtos.CatalogItem;

/** Ordering windows and their stock. Stock changes only through the conditional updates here. */
@ApplicationScoped
public class WindowRepository implements PanacheRepositoryBase<OrderingWindow, UUID> {

    /** What a product costs and allows, taken from the window's stock if enough is left. */
    public record Taken(String name, int priceFen, int perHouseholdLimit) {}

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

    /**
     * Takes {@code quantity} of a product from the window's stock if that much is left: the
     * database's guard against overselling. Empty when not enough is left or it is not on sale.
     */
    public Optional<Taken> take(UUID windowId, UUID productId, int quantity) {
        List<?> rows = getEntityManager().createNativeQuery("""
                UPDATE window_stock s SET remaining = s.remaining - :q FROM product p
                WHERE s.window_id = :w AND s.product_id = :p AND p.id = s.product_id AND s.remaining >= :q
                RETURNING p.name, p.price_fen, p.per_household_limit""")
                .setParameter("w", windowId).setParameter("p", productId).setParameter("q", quantity).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] cols = (Object[]) r;
            return new Taken((String) cols[0], ((Number) cols[1]).intValue(), ((Number) cols[2]).intValue());
        });
    }

    public boolean stocks(UUID windowId, UUID productId) {
        return ((Number) getEntityManager().createNativeQuery(
                "SELECT count(*) FROM window_stock WHERE window_id = :w AND product_id = :p")
                .setParameter("w", windowId).setParameter("p", productId).getSingleResult()).longValue() > 0;
    }

    public void giveBack(UUID windowId, UUID productId, int quantity) {
        getEntityManager().createNativeQuery(
                "UPDATE window_stock SET remaining = remaining + :q WHERE window_id = :w AND product_id = :p")
                .setParameter("w", windowId).setParameter("p", productId).setParameter("q", quantity).executeUpdate();
    }
}
