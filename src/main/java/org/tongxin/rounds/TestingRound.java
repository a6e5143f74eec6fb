package org.tongxin.rounds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A round of mass testing of a community on a date. Its state changes only through {@link RoundRepository}'s conditional statements. */
@Entity
@Table(name = "testing_round")
public class TestingRound {

    /** PLANNED until started (each site's first group is called); RUNNING while sites scan; CLOSED at the end. */
    @Schema(name = "RoundStatus")
    public enum Status { PLANNED, RUNNING, CLOSED }

    @Id
    private UUID id;
    @Column(name = "street_id")
    private UUID streetId;
    @Column(name = "community_id")
    private UUID communityId;
    @Column(name = "round_date")
    private LocalDate date;
    @Enumerated(EnumType.STRING)
    private Status status;

    protected TestingRound() {}

    /** A round as one SQL row read it, not tracked by Hibernate ({@link RoundRepository#header}). */
    TestingRound(UUID id, UUID streetId, UUID communityId, LocalDate date, Status status) {
        this.id = id;
        this.streetId = streetId;
        this.communityId = communityId;
        this.date = date;
        this.status = status;
    }

    UUID getId() { return id; }
    UUID getStreetId() { return streetId; }
    UUID getCommunityId() { return communityId; }
    LocalDate getDate() { return date; }
    Status getStatus() { return status; }
}
