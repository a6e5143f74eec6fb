package org.tongxin.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A household's order in a window. Written only by {@link OrderLedger}'s statements. */
@Entity
@Table(name = "resident_order")
public class ResidentOrder {

    /** Where an order stands. */
    public enum Status { PLACED, CANCELLED, BATCHED, READY, DELIVERED, PICKED_UP }

    /** How the order reaches the household, from its risk level: HIGH → DOOR, MEDIUM → PICKUP_SLOT, LOW → PICKUP. */
    public enum DeliveryMode { DOOR, PICKUP_SLOT, PICKUP }

    @Id
    private UUID id;
    @Column(name = "window_id")
    private UUID windowId;
    @Column(name = "household_id")
    private UUID householdId;
    @Column(name = "user_id")
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "total_fen")
    private long totalFen;
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_mode")
    private DeliveryMode deliveryMode;
    @Column(name = "pickup_code")
    private String pickupCode;
    private String note;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "request_hash")
    private byte[] requestHash;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;
    @Column(name = "batch_id")
    private UUID batchId;
    @Column(name = "handed_over_at")
    private OffsetDateTime handedOverAt;
    @Column(name = "pickup_slot_id")
    private UUID pickupSlotId;

    protected ResidentOrder() {}

    public UUID getId() { return id; }
    public UUID getWindowId() { return windowId; }
    public UUID getHouseholdId() { return householdId; }
    public Status getStatus() { return status; }
    public long getTotalFen() { return totalFen; }
    public DeliveryMode getDeliveryMode() { return deliveryMode; }
    public String getPickupCode() { return pickupCode; }
    public String getNote() { return note; }
    public byte[] getRequestHash() { return requestHash; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getCancelledAt() { return cancelledAt; }
    public UUID getBatchId() { return batchId; }
    public OffsetDateTime getHandedOverAt() { return handedOverAt; }
    public UUID getPickupSlotId() { return pickupSlotId; }
}
