package org.tongxin.care;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.tongxin.care.CareDtos.DonationItemView;
import org.tongxin.care.CareDtos.PackageLine;
import org.tongxin.common.SqlRows;

/** Donations, their items' stock, and the care packages made from them. */
@ApplicationScoped
public class DonationRepository implements PanacheRepositoryBase<Donation, UUID> {

    private static final String LINES = " FROM care_package p JOIN care_package_item pi ON pi.package_id = p.id"
            + " JOIN donation_item i ON i.id = pi.donation_item_id WHERE ";
    private static final String UNDELIVERED = "p.community_id = :x AND p.status = 'ALLOCATED'";

    public void addItem(UUID donationId, String name, String unit, int quantity) {
        getEntityManager().createNativeQuery("""
                INSERT INTO donation_item (id, donation_id, name, unit, quantity, remaining)
                VALUES (gen_random_uuid(), :d, :name, :unit, :q, :q)""")
                .setParameter("d", donationId).setParameter("name", name).setParameter("unit", unit).setParameter("q", quantity)
                .executeUpdate();
    }

    public List<DonationItemView> items(UUID donationId) {
        var query = getEntityManager().createNativeQuery("""
                SELECT id, name, unit, quantity, remaining FROM donation_item WHERE donation_id = :d ORDER BY name""", Tuple.class)
                .setParameter("d", donationId);
        return SqlRows.tuples(query).stream().map(r -> new DonationItemView(r.get("id", UUID.class), r.get("name", String.class),
                r.get("unit", String.class), SqlRows.integer(r, "quantity"), SqlRows.integer(r, "remaining"))).toList();
    }

    /** How many of the items belong to donations of the community. */
    public long itemsOfCommunity(Collection<UUID> itemIds, UUID communityId) {
        return ((Number) getEntityManager().createNativeQuery("""
                SELECT count(*) FROM donation_item i JOIN donation d ON d.id = i.donation_id
                WHERE i.id IN (:ids) AND d.community_id = :c""")
                .setParameter("ids", itemIds).setParameter("c", communityId).getSingleResult()).longValue();
    }

    /** Takes {@code quantity} of an item if that much is left: the guard against overdrawing. */
    public boolean take(UUID itemId, int quantity) {
        return getEntityManager().createNativeQuery("""
                UPDATE donation_item SET remaining = remaining - :q WHERE id = :id AND remaining >= :q""")
                .setParameter("q", quantity).setParameter("id", itemId).executeUpdate() == 1;
    }

    public void addToPackage(UUID packageId, UUID itemId, int quantity) {
        getEntityManager().createNativeQuery("""
                INSERT INTO care_package_item (package_id, donation_item_id, quantity) VALUES (:p, :i, :q)""")
                .setParameter("p", packageId).setParameter("i", itemId).setParameter("q", quantity).executeUpdate();
    }

    /** Where a donation went: each package line made from its items. */
    public List<PackageLine> linesOfDonation(UUID donationId) {
        return lines("i.donation_id = :x", donationId);
    }

    /** What a household received: each line of its packages. */
    public List<PackageLine> linesOfHousehold(UUID householdId) {
        return lines("p.household_id = :x", householdId);
    }

    /** One page of the lines of the community's packages not yet delivered: the volunteers' delivery tasks. */
    public List<PackageLine> undeliveredIn(UUID communityId, int page, int size) {
        return lines(UNDELIVERED, communityId, (long) page * size, size);
    }

    /** How many lines {@link #undeliveredIn} has in all. */
    public long countUndeliveredIn(UUID communityId) {
        return ((Number) getEntityManager().createNativeQuery("SELECT count(*)" + LINES + UNDELIVERED)
                .setParameter("x", communityId).getSingleResult()).longValue();
    }

    private List<PackageLine> lines(String where, UUID id) {
        return lines(where, id, 0, Integer.MAX_VALUE);
    }

    private List<PackageLine> lines(String where, UUID id, long offset, int limit) {
        var query = getEntityManager().createNativeQuery("SELECT p.id AS package_id, p.household_id, i.name, pi.quantity, i.unit, "
                        + "p.status, p.allocated_at, p.delivered_at" + LINES + where
                        + " ORDER BY p.allocated_at, p.id, i.name LIMIT :limit OFFSET :offset", Tuple.class)
                .setParameter("x", id).setParameter("limit", limit).setParameter("offset", offset);
        return SqlRows.tuples(query).stream().map(r -> new PackageLine(r.get("package_id", UUID.class),
                r.get("household_id", UUID.class), r.get("name", String.class), SqlRows.integer(r, "quantity"),
                r.get("unit", String.class), CarePackage.Status.valueOf(r.get("status", String.class)),
                SqlRows.at(r.get("allocated_at")), SqlRows.at(r.get("delivered_at")))).toList();
    }

    public boolean deliver(UUID packageId, UUID by, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE care_package SET status = 'DELIVERED', delivered_by = :by, delivered_at = :now
                WHERE id = :id AND status = 'ALLOCATED'""")
                .setParameter("by", by).setParameter("now", now).setParameter("id", packageId).executeUpdate() == 1;
    }
}
