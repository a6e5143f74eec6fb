package org.tongxin.shift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A volunteer's hold on a shift. Written only by {@link ClaimDatabaseGuard}'s SQL (the period column and
 * the constraints live in the database); read through this entity.
 */
@Entity
@Table(name = "shift_claim")
public class ShiftClaim {

    /** CLAIMED → CHECKED_IN → CHECKED_OUT; a cancelled claim is deleted. */
    public enum Status { CLAIMED, CHECKED_IN, CHECKED_OUT }

    @Id
    private UUID id;
    @Column(name = "shift_id")
    private UUID shiftId;
    @Column(name = "volunteer_id")
    private UUID volunteerId;
    @Column(name = "user_id")
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "checked_in_at")
    private OffsetDateTime checkedInAt;
    @Column(name = "checked_out_at")
    private OffsetDateTime checkedOutAt;
    @Column(name = "minutes_served")
    private Integer minutesServed;
    @Column(name = "handover_note")
    private String handoverNote;

    protected ShiftClaim() {}

    public UUID getId() { return id; }
    public UUID getShiftId() { return shiftId; }
    public UUID getVolunteerId() { return volunteerId; }
    public UUID getUserId() { return userId; }
    public Status getStatus() { return status; }
    public OffsetDateTime getCheckedInAt() { return checkedInAt; }
    public OffsetDateTime getCheckedOutAt() { return checkedOutAt; }
    public Integer getMinutesServed() { return minutesServed; }
    public String getHandoverNote() { return handoverNote; }
}
