package org.tongxin.volunteer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A volunteer (志愿者) of one community: the application while PENDING, the volunteer once
 * APPROVED (with a team such as 党员先锋队 and the service minutes earned on shifts).
 */
@Entity
public class Volunteer {

    /** Where an application stands. */
    public enum Status { PENDING, APPROVED, REJECTED, REVOKED }

    @Id
    private UUID id;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "community_id")
    private UUID communityId;
    private String name;
    private String[] skills;
    @Column(name = "party_member")
    private boolean partyMember;
    private String availability;
    private String note;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "reject_reason")
    private String rejectReason;
    private String team;
    @Column(name = "service_minutes")
    private int serviceMinutes;
    @Column(name = "decided_by")
    private UUID decidedBy;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;
    @Column(name = "created_at", updatable = false)
    private OffsetDateTime createdAt;

    protected Volunteer() {}

    public Volunteer(UUID userId, UUID communityId, String name, Set<Skill> skills, boolean partyMember,
                     String availability, String note, OffsetDateTime createdAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.communityId = communityId;
        this.name = name;
        this.skills = skills.stream().map(Skill::name).sorted().toArray(String[]::new);
        this.partyMember = partyMember;
        this.availability = availability;
        this.note = note;
        this.status = Status.PENDING;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getUserId() { return userId; }
    public UUID getCommunityId() { return communityId; }
    public String getName() { return name; }
    public List<Skill> getSkills() { return Arrays.stream(skills).map(Skill::valueOf).toList(); }
    public boolean isPartyMember() { return partyMember; }
    public String getAvailability() { return availability; }
    public String getNote() { return note; }
    public Status getStatus() { return status; }
    public String getRejectReason() { return rejectReason; }
    public String getTeam() { return team; }
    public int getServiceMinutes() { return serviceMinutes; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
