package org.tongxin.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    /** The level of the tree a notice is addressed to; USERS: given people (a message from another feature). */
    public enum ScopeType { STREET, COMMUNITY, GRID, BUILDING, USERS }

    /** Where a notice goes: group chats' robots, a WeChat subscribe message, the mini-program's feed. */
    public enum Channel { GROUP_CHAT, SUBSCRIBE, FEED }

    /** Derived from {@code publishedAt}, {@code cancelledAt} and now. */
    public enum Status { DRAFT, SCHEDULED, PUBLISHED, CANCELLED }

    @Id
    private UUID id;
    private String title;
    private String body;
    @Enumerated(EnumType.STRING)
    @Column(name = "scope_type")
    private ScopeType scopeType;
    @Column(name = "scope_id")
    private UUID scopeId;
    /** The place addressed, finer levels null; none for a message to given people. */
    @Embedded
    private OrgLocation place;
    private String[] channels;
    @Column(name = "send_at")
    private OffsetDateTime sendAt;
    private String ref;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "published_at")
    private OffsetDateTime publishedAt;
    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    protected Notice() {}

    /** A message from another feature ({@code ref}: its key for it) to given people, or to a place when {@code place} is set. */
    static Notice fromFeature(String ref, String title, String body, ScopeType scopeType, UUID scopeId, OrgLocation place,
                              List<Channel> channels, OffsetDateTime at, OffsetDateTime now) {
        Notice n = new Notice(title, body, scopeType, scopeId, place != null ? place : OrgLocation.NOWHERE,
                channels, at.isAfter(now) ? at : null, null, now);
        n.ref = ref;
        return n;
    }

    public Notice(String title, String body, ScopeType scopeType, UUID scopeId, OrgLocation place, List<Channel> channels,
                  OffsetDateTime sendAt, UUID createdBy, OffsetDateTime createdAt) {
        this.id = UUID.randomUUID();
        this.title = title;
        this.body = body;
        this.scopeType = scopeType;
        this.scopeId = scopeId;
        this.place = place.aboveHousehold();
        this.channels = channels.stream().map(Channel::name).toArray(String[]::new);
        this.sendAt = sendAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Status statusAt(OffsetDateTime now) {
        if (cancelledAt != null) {
            return Status.CANCELLED;
        }
        if (publishedAt == null) {
            return Status.DRAFT;
        }
        return publishedAt.isAfter(now) ? Status.SCHEDULED : Status.PUBLISHED;
    }

    /** The place the notice is addressed to, finer levels null (all null for a message to people). */
    public OrgLocation place() {
        return place != null ? place : OrgLocation.NOWHERE;
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
