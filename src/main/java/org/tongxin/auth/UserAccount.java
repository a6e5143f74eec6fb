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
    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;

    protected UserAccount() {}

    public UUID getId() { return id; }
    public String getNickname() { return nickname; }
    public String getPhoneMasked() { return phoneMasked; }
    public UUID getHouseholdId() { return householdId; }

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

}
