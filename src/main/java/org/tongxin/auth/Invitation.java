package org.tongxin.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An invitation (邀请码) to a staff or partner role in one place. Only the code's hash is stored;
 * uses are counted by a conditional update so that concurrent accepts never exceed max_uses.
 */
@Entity
public class Invitation {

    @Id
    private UUID id;
    @Column(name = "code_hash")
    private byte[] codeHash;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(name = "street_id")
    private UUID streetId;
    @Column(name = "community_id")
    private UUID communityId;
    @Column(name = "grid_id")
    private UUID gridId;
    @Column(name = "max_uses")
    private int maxUses;
    @Column(name = "used_count")
    private int usedCount;
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;
    @Column(name = "revoked_by")
    private UUID revokedBy;
    /** The supplier a SUPPLIER invitation's grants work for; null for other roles. */
    private String supplier;
    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Invitation() {}

    public Invitation(byte[] codeHash, Grant grant, String supplier, int maxUses, OffsetDateTime expiresAt, UUID createdBy) {
        this.id = UUID.randomUUID();
        this.codeHash = codeHash;
        this.role = grant.role();
        this.streetId = grant.streetId();
        this.communityId = grant.communityId();
        this.gridId = grant.gridId();
        this.supplier = supplier;
        this.maxUses = maxUses;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
    }

    public UUID getId() { return id; }
    public Role getRole() { return role; }
    public String getSupplier() { return supplier; }
    public int getMaxUses() { return maxUses; }
    public int getUsedCount() { return usedCount; }
    public OffsetDateTime getExpiresAt() { return expiresAt; }
    public OffsetDateTime getRevokedAt() { return revokedAt; }

    public Grant grant() {
        return new Grant(role, streetId, communityId, gridId);
    }

    /** The id the inviter named: the most specific level of the scope. */
    public UUID scopeId() {
        return gridId != null ? gridId : communityId != null ? communityId : streetId;
    }

    public boolean expired(OffsetDateTime now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
