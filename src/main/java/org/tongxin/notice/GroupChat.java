package org.tongxin.notice;

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

/** A WeCom group robot (企业微信群机器人) of a community, or of one of its grids. Its key is sealed. */
@Entity
@Table(name = "group_chat")
public class GroupChat {

    @Id
    private UUID id;
    /** A community, or one of its grids. */
    @Embedded
    private OrgLocation place;
    private String name;
    @Column(name = "webhook_key_enc")
    private byte[] webhookKeyEnc;
    @Column(name = "key_hint")
    private String keyHint;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    /** Set when its street stood down: the key is gone and the robot posts no more (V32). */
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    protected GroupChat() {}

    public GroupChat(OrgLocation place, String name, String webhookKey, String keyHint, UUID createdBy,
                     OffsetDateTime createdAt, PiiCipher pii) {
        this.id = UUID.randomUUID();
        this.place = new OrgLocation(place.streetId(), place.communityId(), place.gridId(), null, null);
        this.name = name;
        this.webhookKeyEnc = pii.seal(SealedColumn.ROBOT_WEBHOOK_KEY, id, webhookKey);
        this.keyHint = keyHint;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** A new key for the robot (WeCom issues one when a robot is re-created); sealed, with its hint. */
    void replaceKey(String key, String hint, PiiCipher pii) {
        this.webhookKeyEnc = pii.seal(SealedColumn.ROBOT_WEBHOOK_KEY, id, key);
        this.closedAt = null; // a new key opens a closed chat again
        this.keyHint = hint;
    }

    public UUID getId() { return id; }
    /** The community, or the grid, the robot serves. */
    public OrgLocation place() { return place; }
    public UUID getCommunityId() { return place.communityId(); }
    public UUID getGridId() { return place.gridId(); }
    public String getName() { return name; }
    public String getKeyHint() { return keyHint; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getClosedAt() { return closedAt; }
}
