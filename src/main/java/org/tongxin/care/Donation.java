package org.tongxin.care;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What a donor gave a community (500 kg of flour, 50 boxes of mooncakes...); its items carry the stock. */
@Entity
public class Donation {

    @Id
    private UUID id;
    @Column(name = "community_id")
    private UUID communityId;
    private String donor;
    @Column(name = "recorded_by")
    private UUID recordedBy;
    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    protected Donation() {}

    public Donation(UUID communityId, String donor, UUID recordedBy, OffsetDateTime receivedAt) {
        this.id = UUID.randomUUID();
        this.communityId = communityId;
        this.donor = donor;
        this.recordedBy = recordedBy;
        this.receivedAt = receivedAt;
    }

    public UUID getId() { return id; }
    public UUID getCommunityId() { return communityId; }
    public String getDonor() { return donor; }
    public OffsetDateTime getReceivedAt() { return receivedAt; }
}
