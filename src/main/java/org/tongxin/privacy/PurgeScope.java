package org.tongxin.privacy;

import jakarta.persistence.Query;
import java.util.UUID;

/**
 * What a stand-down purges: one street, or the whole district ({@code streetId} null). Features
 * write their purge and count statements with {@link #where} and bind them with {@link #bind}, so
 * that a district-wide statement has no street condition at all (not one a plan must see through).
 */
public record PurgeScope(UUID streetId) {

    public static PurgeScope district() {
        return new PurgeScope(null);
    }

    public boolean wholeDistrict() {
        return streetId == null;
    }

    /** The condition on a street column ({@code c.street_id}): {@code c.street_id = :street}, or TRUE for the district. */
    public String where(String streetColumn) {
        return wholeDistrict() ? "TRUE" : streetColumn + " = :street";
    }

    /** Binds the street of {@link #where} to the query, when there is one. */
    public <Q extends Query> Q bind(Q query) {
        if (!wholeDistrict()) {
            query.setParameter("street", streetId);
        }
        return query;
    }
}
