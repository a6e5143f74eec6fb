package org.tongxin.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A time in which a MEDIUM-risk community's households collect their orders (错峰取物), with a capacity. */
@Entity
@Table(name = "pickup_slot")
public class PickupSlot {

    @Id
    private UUID id;
    @Column(name = "community_id")
    private UUID communityId;
    @Column(name = "starts_at")
    private OffsetDateTime startsAt;
    @Column(name = "ends_at")
    private OffsetDateTime endsAt;
    private int capacity;
    private int taken;

    protected PickupSlot() {}
}
