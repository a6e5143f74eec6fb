package org.tongxin.rounds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The volunteer who looks after a household (包户): at most one per household. Written by {@link CaretakerRepository}'s statements. */
@Entity
@Table(name = "household_caretaker")
public class HouseholdCaretaker {

    @Id
    @Column(name = "household_id")
    private UUID householdId;
    @Column(name = "volunteer_id")
    private UUID volunteerId;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "community_id")
    private UUID communityId;
    @Column(name = "assigned_at")
    private OffsetDateTime assignedAt;

    protected HouseholdCaretaker() {}

    UUID getHouseholdId() { return householdId; }
    UUID getVolunteerId() { return volunteerId; }
    UUID getUserId() { return userId; }
}
