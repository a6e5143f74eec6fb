package org.tongxin.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stand-down (解除封控): the end of the emergency for a street or the whole district, declared by a
 * district admin with a retention deadline; at {@code purgeAt} the purge job erases the personal
 * data in scope (V32, docs/privacy.md); the counts of what it erased (column {@code purged}) are kept
 * by its batches, in SQL ({@link StandDownRepository}). Status moves SCHEDULED → PURGING → DONE, or SCHEDULED → CANCELLED.
 */
@Entity
@Table(name = "stand_down")
public class StandDown {

    public enum ScopeType { STREET, DISTRICT }

    public enum Status { SCHEDULED, PURGING, DONE, CANCELLED }

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "scope_type")
    private ScopeType scopeType;
    @Column(name = "street_id")
    private UUID streetId;
    @Column(name = "retain_days")
    private int retainDays;
    @Column(name = "declared_by")
    private UUID declaredBy;
    @Column(name = "declared_at")
    private OffsetDateTime declaredAt;
    @Column(name = "purge_at")
    private OffsetDateTime purgeAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "started_at")
    private OffsetDateTime startedAt;
    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected StandDown() {}

    StandDown(UUID streetId, int retainDays, UUID declaredBy, OffsetDateTime at) {
        this.id = UUID.randomUUID();
        this.scopeType = streetId == null ? ScopeType.DISTRICT : ScopeType.STREET;
        this.streetId = streetId;
        this.retainDays = retainDays;
        this.declaredBy = declaredBy;
        this.declaredAt = at;
        this.purgeAt = at.plusDays(retainDays);
        this.status = Status.SCHEDULED;
    }

    public UUID getId() { return id; }
    public ScopeType getScopeType() { return scopeType; }
    public UUID getStreetId() { return streetId; }
    public int getRetainDays() { return retainDays; }
    public UUID getDeclaredBy() { return declaredBy; }
    public OffsetDateTime getDeclaredAt() { return declaredAt; }
    public OffsetDateTime getPurgeAt() { return purgeAt; }
    public Status getStatus() { return status; }
    public OffsetDateTime getStartedAt() { return startedAt; }
    public OffsetDateTime getFinishedAt() { return finishedAt; }

    PurgeScope scope() {
        return new PurgeScope(streetId);
    }
}
