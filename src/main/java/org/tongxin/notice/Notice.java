package org.tongxin.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.tongxin.common.OrgLocation;

/**
 * A notice (通知公告) to everyone in a place of the tree. A draft until published; scheduled while
 * its publication time lies ahead. Written once: a published notice is not edited.
 */
@Entity
public class Notice {

    /** The level of the tree a notice is addressed to. */
    public enum ScopeType { STREET, COMMUNITY, GRID, BUILDING }

    /** Where a notice goes: group chats' robots, a WeChat subscribe message, the mini-program's feed. */
    public enum Channel { GROUP_CHAT, SUBSCRIBE, FEED }

    /** Derived from {@code publishedAt} and now. */
    public enum Status { DRAFT, SCHEDULED, PUBLISHED }

    @Id
    private UUID id;
    private String title;
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(name = "scope_type")
    private ScopeType scopeType;
    @Column(name = "scope_id")
    private UUID scopeId;
    @Column(name = "street_id")
    private UUID streetId;
    @Column(name = "community_id")
    private UUID communityId;
    @Column(name = "grid_id")
    private UUID gridId;
    @Column(name = "building_id")
    private UUID buildingId;
    private String[] channels;
    @Column(name = "send_at")
    private OffsetDateTime sendAt;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    protected Notice() {}

    public Notice(String title, String body, ScopeType scopeType, UUID scopeId, OrgLocation place, List<Channel> channels,
                  OffsetDateTime sendAt, UUID createdBy, OffsetDateTime createdAt) {
        this.id = UUID.randomUUID();
        this.title = title;
        this.body = body;
        this.scopeType = scopeType;
        this.scopeId = scopeId;
        this.streetId = place.streetId();
        this.communityId = place.communityId();
        this.gridId = place.gridId();
        this.buildingId = place.buildingId();
        this.channels = channels.stream().map(Channel::name).toArray(String[]::new);
        this.sendAt = sendAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Status statusAt(OffsetDateTime now) {
        if (publishedAt == null) {
            return Status.DRAFT;
        }
        return publishedAt.isAfter(now) ? Status.SCHEDULED : Status.PUBLISHED;
    }

    /** The place the notice is addressed to, finer levels null. */
    public OrgLocation place() {
        return new OrgLocation(streetId, communityId, gridId, buildingId, null);
    }

    public List<Channel> channelList() {
        return Arrays.stream(channels).map(Channel::valueOf).toList();
    }

    public UUID getId() { return id; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public ScopeType getScopeType() { return scopeType; }
    public UUID getScopeId() { return scopeId; }
    public OffsetDateTime getSendAt() { return sendAt; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getPublishedAt() { return publishedAt; }
}
