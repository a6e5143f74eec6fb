package org.tongxin.care;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SealedColumn;

/** A household's request for help. Its state changes only through {@link CareRequestRepository#step}. */
@Entity
@Table(name = "care_request")
public class CareRequest {

    public enum Type { MEDICINE, MEDICAL_TRIP, HOME_SAMPLING, ESSENTIALS, EMERGENCY, OTHER }

    public enum Status { SUBMITTED, TRIAGED, ASSIGNED, ACCEPTED, COMPLETED, CONFIRMED, CANCELLED }

    public enum Priority { P1, P2, P3 }

    @Id
    private UUID id;
    /** Down to the household. */
    @Embedded
    private OrgLocation place;
    @Enumerated(EnumType.STRING)
    private Type type;
    @Column(name = "description_enc")
    private byte[] descriptionEnc;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    private Priority priority;
    private boolean registered;
    private boolean escalated;
    @Column(name = "filed_by")
    private UUID filedBy;
    @Column(name = "assignee_id")
    private UUID assigneeId;
    @Column(name = "completion_note_enc")
    private byte[] completionNoteEnc;
    private Short rating;
    private String comment;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected CareRequest() {}

    public CareRequest(OrgLocation household, Type type, String description, Priority priority, boolean registered,
                       UUID filedBy, OffsetDateTime createdAt, PiiCipher pii) {
        this.id = UUID.randomUUID();
        this.place = household;
        this.type = type;
        this.descriptionEnc = pii.seal(SealedColumn.CARE_DESCRIPTION, id, description);
        this.status = Status.SUBMITTED;
        this.priority = priority;
        this.registered = registered;
        this.filedBy = filedBy;
        this.createdAt = createdAt;
    }

    /** Where the household lives. */
    public OrgLocation place() {
        return place;
    }

    public UUID getId() { return id; }
    public UUID getHouseholdId() { return place.householdId(); }
    public UUID getCommunityId() { return place.communityId(); }
    public Type getType() { return type; }
    public String description(PiiCipher.Reader r) { return r.open(SealedColumn.CARE_DESCRIPTION, descriptionEnc); }
    public Status getStatus() { return status; }
    public Priority getPriority() { return priority; }
    public boolean isRegistered() { return registered; }
    public boolean isEscalated() { return escalated; }
    public UUID getAssigneeId() { return assigneeId; }
    public UUID getFiledBy() { return filedBy; }
    public String completionNote(PiiCipher.Reader r) { return r.open(SealedColumn.CARE_COMPLETION_NOTE, completionNoteEnc); }
    public Short getRating() { return rating; }
    public String getComment() { return comment; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
