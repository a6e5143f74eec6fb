package org.tongxin.notice;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tongxin.common.PlausibleDate;
import org.tongxin.common.SafeMultilineText;
import org.tongxin.common.SafeText;

/** Request and response records of the notice API (docs/notices.md). */
@RegisterForReflection
public final class NoticeDtos {

    private NoticeDtos() {}

    /** A group robot to register; {@code webhookKey} is the {@code key} of its webhook URL, never shown again. */
    public record CreateGroupChat(@NotNull UUID communityId,
                                  UUID gridId,
                                  @NotBlank @Size(max = 64) @SafeText String name,
                                  @NotNull @Pattern(regexp = "[A-Za-z0-9-]{8,64}") String webhookKey) {}

    public record NewWebhookKey(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{8,64}") String webhookKey) {}

    /** One acceptance of a subscribe-message template, as {@code wx.requestSubscribeMessage} reported it. */
    public record Subscribe(@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String templateId) {}

    /** How many messages of the template the caller can now be sent. */
    public record Subscribed(String templateId, long unused) {}

    /** A group chat as lists show it: the key only as a hint of its last characters. */
    /** {@code closedAt}: its street stood down; the key is gone ({@code keyHint} null) and nothing is posted to it. */
    public record GroupChatView(UUID id, UUID communityId, @Schema(nullable = true) UUID gridId, String name,
                                @Schema(nullable = true) String keyHint, OffsetDateTime createdAt,
                                @Schema(nullable = true) OffsetDateTime closedAt) {
        static GroupChatView from(GroupChat g) {
            return new GroupChatView(g.getId(), g.getCommunityId(), g.getGridId(), g.getName(), g.getKeyHint(), g.getCreatedAt(),
                    g.getClosedAt());
        }
    }

    /** The places staff address notices to. */
    public enum PlaceType { STREET, COMMUNITY, GRID, BUILDING }

    public record Scope(@NotNull PlaceType type, @NotNull UUID id) {}

    public record CreateNotice(@NotBlank @Size(max = 64) @SafeText String title,
                               @NotBlank @Size(max = 20000) @SafeMultilineText String body,
                               @NotNull @Valid Scope scope,
                               @NotNull @Size(min = 1, max = 3) List<Notice.@NotNull Channel> channels,
                               @PlausibleDate OffsetDateTime sendAt) {}

    /** {@code scope}: null for a message to given people (sent by another feature, e.g. "your order is ready"). */
    public record NoticeView(UUID id, String title, String body, @Schema(nullable = true) Scope scope, List<Notice.Channel> channels,
                             Notice.Status status, @Schema(nullable = true) OffsetDateTime sendAt,
                             @Schema(nullable = true) OffsetDateTime publishedAt, OffsetDateTime createdAt) {
        static NoticeView from(Notice n, OffsetDateTime now) {
            return new NoticeView(n.getId(), n.getTitle(), n.getBody(), n.getScopeType() == Notice.ScopeType.USERS ? null
                            : new Scope(PlaceType.valueOf(n.getScopeType().name()), n.getScopeId()),
                    n.channelList(), n.statusAt(now), n.getSendAt(), n.getPublishedAt(), n.getCreatedAt());
        }
    }

    /** A notice as a group robot would post it (the staff console's preview). */
    public record RobotPreview(String markdown, int bytes, boolean cut) {}

    /** One (channel, target) of a notice: a group chat by name, or the feed of the notice's scope. */
    public record DeliveryView(Notice.Channel channel, UUID target, @Schema(nullable = true) String targetName,
                               NoticeDelivery.Status status, int attempts, @Schema(nullable = true) String lastError,
                               @Schema(nullable = true) OffsetDateTime sentAt) {}
}
