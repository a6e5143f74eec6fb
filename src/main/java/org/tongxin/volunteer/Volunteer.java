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
import org.tongxin.common.SealedColumn;

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
    /** Sealed by {@link PiiCipher}; the plain columns below hold rows written before, until sealed. */
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
        this.nameEnc = pii.seal(SealedColumn.VOLUNTEER_NAME, id, name);
        this.skills = skills.stream().map(Skill::name).sorted().toArray(String[]::new);
        this.partyMember = partyMember;
        this.availabilityEnc = pii.sealNullable(SealedColumn.VOLUNTEER_AVAILABILITY, id, availability);
        this.noteEnc = pii.sealNullable(SealedColumn.VOLUNTEER_NOTE, id, note);
        this.status = Status.PENDING;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getUserId() { return userId; }
    public UUID getCommunityId() { return communityId; }
    public String name(PiiCipher.Reader r) { return open(r, SealedColumn.VOLUNTEER_NAME, nameEnc, legacyName); }
    public List<Skill> getSkills() { return Arrays.stream(skills).map(Skill::valueOf).toList(); }
    public boolean isPartyMember() { return partyMember; }
    public String availability(PiiCipher.Reader r) {
        return open(r, SealedColumn.VOLUNTEER_AVAILABILITY, availabilityEnc, legacyAvailability);
    }
    public String note(PiiCipher.Reader r) { return open(r, SealedColumn.VOLUNTEER_NOTE, noteEnc, legacyNote); }
    public Status getStatus() { return status; }
    public String getRejectReason() { return rejectReason; }
    public String getTeam() { return team; }
    public int getServiceMinutes() { return serviceMinutes; }
    public OffsetDateTime getCreatedAt() { return createdAt; }

    /** Seals what a row written before sealing keeps in the clear; the plain columns end empty. */
    void sealPlain(PiiCipher pii) {
        nameEnc = legacyName != null ? pii.seal(SealedColumn.VOLUNTEER_NAME, id, legacyName) : nameEnc;
        availabilityEnc = legacyAvailability != null
                ? pii.seal(SealedColumn.VOLUNTEER_AVAILABILITY, id, legacyAvailability) : availabilityEnc;
        noteEnc = legacyNote != null ? pii.seal(SealedColumn.VOLUNTEER_NOTE, id, legacyNote) : noteEnc;
        legacyName = null;
        legacyAvailability = null;
        legacyNote = null;
    }

    /**
     * Erasure of the person (DELETE /api/me): the name becomes the marker, availability, note,
     * party membership and a rejection's reason go, an application still open ends; the record
     * stays, with its skills, team and minutes, for the district's accounts.
     */
    void erase(PiiCipher pii, String marker) {
        nameEnc = pii.seal(SealedColumn.VOLUNTEER_NAME, id, marker);
        availabilityEnc = null;
        noteEnc = null;
        legacyName = null;
        legacyAvailability = null;
        legacyNote = null;
        partyMember = false;
        rejectReason = null;
        if (status == Status.PENDING || status == Status.APPROVED) {
            status = Status.REVOKED;
        }
    }

    private static String open(PiiCipher.Reader r, SealedColumn column, byte[] sealed, String legacy) {
        return sealed != null ? r.open(column, sealed) : legacy;
    }
}
