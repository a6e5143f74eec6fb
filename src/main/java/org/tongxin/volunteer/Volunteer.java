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
import org.tongxin.common.PiiCipher;

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
    /** Sealed by {@link PiiCipher}; the plain columns below hold rows written before, until re-sealed. */
    @Column(name = "name_enc")
    private byte[] nameEnc;
    @Column(name = "availability_enc")
    private byte[] availabilityEnc;
    @Column(name = "note_enc")
    private byte[] noteEnc;
    @Column(name = "name")
    private String legacyName;
    @Column(name = "availability")
    private String legacyAvailability;
    @Column(name = "note")
    private String legacyNote;
    private String[] skills;
    @Column(name = "party_member")
    private boolean partyMember;
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
                     String availability, String note, OffsetDateTime createdAt, PiiCipher pii) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.communityId = communityId;
        this.nameEnc = pii.encrypt(name);
        this.skills = skills.stream().map(Skill::name).sorted().toArray(String[]::new);
        this.partyMember = partyMember;
        this.availabilityEnc = availability != null ? pii.encrypt(availability) : null;
        this.noteEnc = note != null ? pii.encrypt(note) : null;
        this.status = Status.PENDING;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getUserId() { return userId; }
    public UUID getCommunityId() { return communityId; }
    public String name(PiiCipher pii) { return open(pii, nameEnc, legacyName); }
    public List<Skill> getSkills() { return Arrays.stream(skills).map(Skill::valueOf).toList(); }
    public boolean isPartyMember() { return partyMember; }
    public String availability(PiiCipher pii) { return open(pii, availabilityEnc, legacyAvailability); }
    public String note(PiiCipher pii) { return open(pii, noteEnc, legacyNote); }
    public Status getStatus() { return status; }
    public String getRejectReason() { return rejectReason; }
    public String getTeam() { return team; }
    public int getServiceMinutes() { return serviceMinutes; }
    public OffsetDateTime getCreatedAt() { return createdAt; }

    /** Seals what was plain and re-seals what is under a retired key; the plain columns end empty. */
    void reseal(PiiCipher pii) {
        nameEnc = pii.encrypt(name(pii));
        String availability = availability(pii);
        availabilityEnc = availability != null ? pii.encrypt(availability) : null;
        String note = note(pii);
        noteEnc = note != null ? pii.encrypt(note) : null;
        legacyName = null;
        legacyAvailability = null;
        legacyNote = null;
    }

    private static String open(PiiCipher pii, byte[] sealed, String legacy) {
        return sealed != null ? pii.decrypt(sealed) : legacy;
    }
}
