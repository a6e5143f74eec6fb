package org.tongxin.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person who logged in with WeChat. Identified by a keyed hash of their openid; the openid
 * itself (needed later to send subscribe messages) and the phone number are kept only encrypted.
 */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    private UUID id;
    @Column(name = "openid_hash")
    private byte[] openidHash;
    @Column(name = "openid_enc")
    private byte[] openidEnc;
    @Column(name = "unionid_enc")
    private byte[] unionidEnc;
    private String nickname;
    @Column(name = "phone_enc")
    private byte[] phoneEnc;
    @Column(name = "phone_hash")
    private byte[] phoneHash;
    @Column(name = "phone_masked")
    private String phoneMasked;
    @Column(name = "household_id")
    private UUID householdId;
    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;
    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;
    @Column(name = "erased_at")
    private OffsetDateTime erasedAt;

    /** The name an erased account shows wherever a name is listed (已注销: account closed). */
    public static final String ERASED_NAME = "已注销";

    protected UserAccount() {}

    public UUID getId() { return id; }
    public String getNickname() { return nickname; }
    public String getPhoneMasked() { return phoneMasked; }
    public UUID getHouseholdId() { return householdId; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getLastLoginAt() { return lastLoginAt; }
    public boolean isErased() { return erasedAt != null; }
    byte[] getPhoneEnc() { return phoneEnc; }
    boolean hasOpenid() { return openidEnc != null; }
    boolean hasUnionid() { return unionidEnc != null; }

    /** {@code unionid}: sealed, or null when WeChat sent none (the stored one stays). */
    void loggedIn(OffsetDateTime at, byte[] unionid) {
        this.lastLoginAt = at;
        if (unionid != null) {
            this.unionidEnc = unionid;
        }
    }

    void bindPhone(byte[] encrypted, byte[] hash, String masked) {
        this.phoneEnc = encrypted;
        this.phoneHash = hash;
        this.phoneMasked = masked;
    }

    /**
     * Erasure (DELETE /api/me): nothing that names or reaches the person stays; the row does, for
     * what points at it. V31's checks refuse an erased row that keeps any of these.
     */
    void erase(OffsetDateTime at) {
        this.openidHash = null;
        this.openidEnc = null;
        this.unionidEnc = null;
        this.nickname = ERASED_NAME;
        this.phoneEnc = null;
        this.phoneHash = null;
        this.phoneMasked = null;
        this.householdId = null;
        this.erasedAt = at;
    }

}
