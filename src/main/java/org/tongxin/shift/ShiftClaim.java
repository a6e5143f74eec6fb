package org.tongxin.shift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A volunteer's hold on a shift. Written only by {@link ClaimDatabaseGuard}'s SQL (the period column and
 * the constraints live in the database); read through this entity.
 */
@Entity
@Table(name = "shift_claim")
// What the Redis gate reads to rebuild a shift's or a person's state, on the first claims after a
// start (ClaimRepository): named, so that Hibernate parses them once at boot. Parsed on first use
// instead, a roster opening's 64 concurrent first claims each parsed the same HQL at once, and the
// parsers' working memory filled the 128 MiB heap (docs/performance.md, "A cold parse").
@NamedQuery(name = ShiftClaim.CLAIMANTS, query = "select c.userId from ShiftClaim c where c.shiftId = :s")
@NamedQuery(name = ShiftClaim.HELD_TIMES, query = """
        select s.id, s.startsAt, s.endsAt from ShiftClaim c, Shift s
        where c.userId = :u and s.id = c.shiftId and s.endsAt > :now""")
public class ShiftClaim {

    static final String CLAIMANTS = "ShiftClaim.claimants";
    static final String HELD_TIMES = "ShiftClaim.heldTimes";

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
