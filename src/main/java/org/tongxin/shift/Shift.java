package org.tongxin.shift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One shift (班次) at a checkpoint. {@code taken} is changed only by conditional SQL updates and
 * a CHECK keeps it within {@code [0, capacity]}.
 */
@Entity
public class Shift {

    @Id
    private UUID id;
    @Column(name = "checkpoint_id")
    private UUID checkpointId;
    @Column(name = "community_id")
    private UUID communityId;
    @Column(name = "starts_at")
    private OffsetDateTime startsAt;
    @Column(name = "ends_at")
    private OffsetDateTime endsAt;
    private int capacity;
    private int taken;

    protected Shift() {}

    public UUID getId() { return id; }
    public UUID getCheckpointId() { return checkpointId; }
    public UUID getCommunityId() { return communityId; }
    public OffsetDateTime getStartsAt() { return startsAt; }
    public OffsetDateTime getEndsAt() { return endsAt; }
    public int getCapacity() { return capacity; }
    public int getTaken() { return taken; }
}
