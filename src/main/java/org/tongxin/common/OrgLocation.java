package org.tongxin.common;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/**
 * Where something sits in the organisation tree, with all its ancestors filled in. The finer
 * levels are null when the thing is coarser (a community has no grid). Scope checks read this.
 *
 * <p>It is also the one place type of the rows that have a place (care requests, the vulnerable
 * register, notices, group robots): each holds it embedded, in the same five columns, so the place
 * of a row and its finest level are written once, here.
 */
@Embeddable
@RegisterForReflection
public record OrgLocation(@Column(name = "street_id") UUID streetId,
                          @Column(name = "community_id") UUID communityId,
                          @Column(name = "grid_id") UUID gridId,
                          @Column(name = "building_id") UUID buildingId,
                          @Column(name = "household_id") UUID householdId) {

    /** No place at all (a message to given people); what a row without one answers. */
    public static final OrgLocation NOWHERE = new OrgLocation(null, null, null, null, null);

    /** The levels of the tree, coarsest first. */
    public enum Level { STREET, COMMUNITY, GRID, BUILDING, HOUSEHOLD }

    public static OrgLocation ofStreet(UUID streetId) {
        return new OrgLocation(streetId, null, null, null, null);
    }

    public static OrgLocation ofCommunity(UUID streetId, UUID communityId) {
        return new OrgLocation(streetId, communityId, null, null, null);
    }

    /** The finest level set (the place itself); null for {@link #NOWHERE}. */
    public Level finest() {
        return householdId != null ? Level.HOUSEHOLD : buildingId != null ? Level.BUILDING : gridId != null ? Level.GRID
                : communityId != null ? Level.COMMUNITY : streetId != null ? Level.STREET : null;
    }

    /** The id of the finest level set: the place's own id. */
    public UUID finestId() {
        return householdId != null ? householdId : buildingId != null ? buildingId : gridId != null ? gridId
                : communityId != null ? communityId : streetId;
    }

    /** The same place without its household (what is addressed to a building and above). */
    public OrgLocation aboveHousehold() {
        return new OrgLocation(streetId, communityId, gridId, buildingId, null);
    }
}
