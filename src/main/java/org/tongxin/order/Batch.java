package org.tongxin.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A delivery of a window's orders through the three zones at the gate: it arrives, is disinfected
 * in the buffer zone (缓冲消杀区), rests in the storage zone (物资存放区) and is released to the
 * pickup zone (物资领取区). Each step records who and when; {@link BatchRepository} moves it.
 */
@Entity
public class Batch {

    /** The steps, in order. */
    public enum Status { CREATED, ARRIVED, DISINFECTED, STORED, RELEASED }

    @Id
    private UUID id;
    @Column(name = "window_id")
    private UUID windowId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "order_count")
    private int orderCount;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "arrived_at")
    private OffsetDateTime arrivedAt;
    @Column(name = "disinfected_at")
    private OffsetDateTime disinfectedAt;
    @Column(name = "stored_at")
    private OffsetDateTime storedAt;
    @Column(name = "released_at")
    private OffsetDateTime releasedAt;

    protected Batch() {}

    public UUID getId() { return id; }
    public UUID getWindowId() { return windowId; }
    public Status getStatus() { return status; }
    public int getOrderCount() { return orderCount; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getArrivedAt() { return arrivedAt; }
    public OffsetDateTime getDisinfectedAt() { return disinfectedAt; }
    public OffsetDateTime getStoredAt() { return storedAt; }
    public OffsetDateTime getReleasedAt() { return releasedAt; }
}
