package org.tongxin.common;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Where something sits in the organisation tree, with all its ancestors filled in. The finer
 * levels are null when the thing is coarser (a community has no grid). Scope checks read this.
 */
@RegisterForReflection
public record OrgLocation(UUID streetId, UUID communityId, UUID gridId, UUID buildingId, UUID householdId) {

    public static OrgLocation ofStreet(UUID streetId) {
        return new OrgLocation(streetId, null, null, null, null);
    }
}
