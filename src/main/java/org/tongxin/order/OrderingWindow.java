package org.tongxin.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A time in which a community's residents may order (订购时段), with stock per product. */
@Entity
@Table(name = "ordering_window")
public class OrderingWindow {

    @Id
    private UUID id;
    @Column(name = "community_id")
    private UUID communityId;
    @Column(name = "opens_at")
    private OffsetDateTime opensAt;
    @Column(name = "closes_at")
    private OffsetDateTime closesAt;
    @Column(name = "created_by")
    private UUID createdBy;
    /** How many rows each product's stock is split over (V33): parallel orders take from different rows. */
    @Column(name = "stock_buckets")
    private short stockBuckets;

    protected OrderingWindow() {}

    public OrderingWindow(UUID communityId, OffsetDateTime opensAt, OffsetDateTime closesAt, UUID createdBy, int stockBuckets) {
        this.id = UUID.randomUUID();
        this.communityId = communityId;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.createdBy = createdBy;
        this.stockBuckets = (short) stockBuckets;
    }

    public UUID getId() { return id; }
    public UUID getCommunityId() { return communityId; }
    public OffsetDateTime getOpensAt() { return opensAt; }
    public OffsetDateTime getClosesAt() { return closesAt; }
    public int getStockBuckets() { return stockBuckets; }
}
