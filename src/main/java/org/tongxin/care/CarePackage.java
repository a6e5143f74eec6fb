package org.tongxin.care;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A care package (关爱包) for a household, made from donations; delivered by a volunteer or grid worker. */
@Entity
@Table(name = "care_package")
public class CarePackage {

    public enum Status { ALLOCATED, DELIVERED }

    @Id
    private UUID id;
    @Column(name = "community_id")
    private UUID communityId;
    @Column(name = "household_id")
    private UUID householdId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "allocated_by")
    private UUID allocatedBy;
    @Column(name = "allocated_at")
    private OffsetDateTime allocatedAt;
    @Column(name = "delivered_by")
    private UUID deliveredBy;
    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    protected CarePackage() {}

    public CarePackage(UUID communityId, UUID householdId, UUID allocatedBy, OffsetDateTime allocatedAt) {
        this.id = UUID.randomUUID();
        this.communityId = communityId;
        this.householdId = householdId;
        this.status = Status.ALLOCATED;
        this.allocatedBy = allocatedBy;
        this.allocatedAt = allocatedAt;
    }

    public UUID getId() { return id; }
    public UUID getCommunityId() { return communityId; }
    public UUID getHouseholdId() { return householdId; }
    public Status getStatus() { return status; }
}
