package org.tongxin.rounds;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SealedColumn;

/**
 * A person of a household as the testing station knows them: a name and the text of their testing
 * QR code, both sealed. Not an account: a grandmother without a phone is a member too.
 */
@Entity
@Table(name = "household_member")
public class HouseholdMember {

    @Id
    private UUID id;
    /** Down to the household. */
    @Embedded
    private OrgLocation place;
    @Column(name = "name_enc")
    private byte[] nameEnc;
    @Column(name = "testing_code_enc")
    private byte[] testingCodeEnc;
    @Column(name = "code_updated_at")
    private OffsetDateTime codeUpdatedAt;
    @Column(name = "added_by")
    private UUID addedBy;
    @Column(name = "added_at")
    private OffsetDateTime addedAt;

    protected HouseholdMember() {}

    HouseholdMember(OrgLocation household, String name, UUID addedBy, OffsetDateTime addedAt, PiiCipher pii) {
        this.id = UUID.randomUUID();
        this.place = household;
        this.nameEnc = pii.seal(SealedColumn.MEMBER_NAME, id, name);
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    String name(PiiCipher.Reader r) { return r.open(SealedColumn.MEMBER_NAME, nameEnc); }
    String testingCode(PiiCipher.Reader r) { return r.open(SealedColumn.MEMBER_TESTING_CODE, testingCodeEnc); }

    OrgLocation place() { return place; }
    UUID getId() { return id; }
    UUID getHouseholdId() { return place.householdId(); }
    boolean hasTestingCode() { return testingCodeEnc != null; }
    OffsetDateTime getCodeUpdatedAt() { return codeUpdatedAt; }
    OffsetDateTime getAddedAt() { return addedAt; }
}
