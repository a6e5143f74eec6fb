package org.tongxin.order;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.order.OrderDtos.CatalogItem;

/** Ordering windows and their stock. Stock is taken by {@code place_order} and given back by {@code cancel_order} ({@link OrderLedger}). */
@ApplicationScoped
public class WindowRepository implements PanacheRepositoryBase<OrderingWindow, UUID> {

    /** The product's stock in the window, split over {@code buckets} rows as evenly as it goes (the first ones get one more). */
    public void addStock(UUID windowId, UUID productId, int quantity, int buckets) {
        getEntityManager().createNativeQuery("""
                INSERT INTO window_stock (window_id, product_id, bucket, quantity, remaining)
                SELECT :w, :p, b, q, q FROM (SELECT b, :q / :n + CASE WHEN b < :q % :n THEN 1 ELSE 0 END AS q
                                             FROM generate_series(0, :n - 1) b) s""")
                .setParameter("w", windowId).setParameter("p", productId).setParameter("q", quantity).setParameter("n", buckets)
                .executeUpdate();
    }

    /** The community's window open at {@code now} (the database's {@code ordering_window_open}), the latest opened if several overlap. */
    public Optional<OrderingWindow> openIn(UUID communityId, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                SELECT w.* FROM ordering_window w WHERE w.community_id = :c AND ordering_window_open(w, :now)
                ORDER BY w.opens_at DESC LIMIT 1""", OrderingWindow.class)
                .setParameter("c", communityId).setParameter("now", now).getResultStream().map(OrderingWindow.class::cast).findFirst();
    }

    /** The community's latest windows, newest first. */
    public List<OrderingWindow> latest(UUID communityId, int limit) {
        return find("communityId = ?1 order by opensAt desc, id", communityId).page(0, limit).list();
    }

    /** What the window sells; {@code remaining} is the sum of the product's buckets, read now (never a counter: docs/orders.md). */
    public List<CatalogItem> items(UUID windowId) {
        return getEntityManager().createQuery("""
                select p.id, p.name, p.kind, p.priceFen, p.unit, cast(sum(s.remaining) as Integer), p.perHouseholdLimit
                from WindowStock s, Product p where s.windowId = :w and p.id = s.productId
                group by p.id, p.name, p.kind, p.priceFen, p.unit, p.perHouseholdLimit order by p.kind, p.name""",
                CatalogItem.class).setParameter("w", windowId).getResultList();
    }
}
