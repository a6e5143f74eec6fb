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

/** Someone of a household who needs looking after. Name and note are sealed; only staff in scope read them. */
@Entity
@Table(name = "vulnerable_person")
public class VulnerablePerson {

    /** Why the person is on the register (docs/care.md). */
    public enum Category { ELDERLY_ALONE, EXTREME_POVERTY, DISABLED, PREGNANT, CHRONIC_ILLNESS, OTHER }

    @Id
    private UUID id;
    /** Down to the household. */
    @Embedded
    private OrgLocation place;
    @Column(name = "name_enc")
    private byte[] nameEnc;
    @Enumerated(EnumType.STRING)
    private Category category;
    @Column(name = "note_enc")
    private byte[] noteEnc;
    @Column(name = "recorded_by")
    private UUID recordedBy;
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    protected VulnerablePerson() {}

    public VulnerablePerson(OrgLocation household, String name, Category category, String note, UUID recordedBy,
                            OffsetDateTime recordedAt, PiiCipher pii) {
        this.id = UUID.randomUUID();
        this.place = household;
        this.nameEnc = pii.seal(SealedColumn.VULNERABLE_NAME, id, name);
        this.category = category;
        this.noteEnc = pii.sealNullable(SealedColumn.VULNERABLE_NOTE, id, note);
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** Where the person lives, down to the household. */
    public OrgLocation place() {
        return place;
    }

    public String name(PiiCipher.Reader r) { return r.open(SealedColumn.VULNERABLE_NAME, nameEnc); }
    public String note(PiiCipher.Reader r) { return r.open(SealedColumn.VULNERABLE_NOTE, noteEnc); }

    public UUID getId() { return id; }
    public UUID getHouseholdId() { return place.householdId(); }
    public Category getCategory() { return category; }
    public OffsetDateTime getRecordedAt() { return recordedAt; }
}
