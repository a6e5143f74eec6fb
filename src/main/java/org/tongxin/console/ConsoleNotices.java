package org.tongxin.console;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.common.ApiException;
import org.tongxin.common.Page;
import org.tongxin.common.TimeConfig;
import org.tongxin.notice.GroupChatService;
import org.tongxin.notice.Notice;
import org.tongxin.notice.NoticeDelivery;
import org.tongxin.notice.NoticeDtos.CreateNotice;
import org.tongxin.notice.NoticeDtos.DeliveryView;
import org.tongxin.notice.NoticeDtos.GroupChatView;
import org.tongxin.notice.NoticeDtos.NoticeView;
import org.tongxin.notice.NoticeDtos.PlaceType;
import org.tongxin.notice.NoticeDtos.RobotPreview;
import org.tongxin.notice.NoticeDtos.Scope;
import org.tongxin.notice.NoticeService;
import org.tongxin.org.OrgDtos.GridView;
import org.tongxin.org.OrgService;

/**
 * The notices page (docs/console.md): compose with the robots' preview, publish now or at a time,
 * and follow each notice's deliveries — through the notice feature's own service, so the scope
 * rules, the 4,096-byte cut and the outbox are exactly the API's.
 */
@ApplicationScoped
class ConsoleNotices {

    /** What the compose form offers: the community's lanes as scopes, and its group robots; and the latest notices. */
    @RegisterForReflection
    record Compose(List<GridView> grids, List<GroupChatView> robots, Page<NoticeView> recent) {}

    /** One notice and where it went; {@code settled}: no delivery is still to be sent. */
    @RegisterForReflection
    record Followed(NoticeView notice, List<DeliveryView> deliveries, boolean settled) {}

    private final NoticeService notices;
    private final GroupChatService chats;
    private final OrgService org;
    private final TimeConfig time;

    ConsoleNotices(NoticeService notices, GroupChatService chats, OrgService org, TimeConfig time) {
        this.notices = notices;
        this.chats = chats;
        this.org = org;
        this.time = time;
    }

    Compose compose(Caller caller, UUID communityId) {
        return new Compose(org.getCommunity(communityId).grids(), chats.ofCommunity(caller, communityId, 0, 100).items(),
                notices.ofCommunity(caller, communityId, 0, 20));
    }

    RobotPreview preview(String title, String body) {
        return notices.robotPreview(title == null ? "" : title, body == null ? "" : body);
    }

    /**
     * Creates the notice and, without a time, publishes it at once. {@code scope} is the form's
     * {@code TYPE:id}; {@code sendAt} a local date-time in the service's zone, or blank.
     */
    UUID publish(Caller caller, String title, String body, String scope, List<String> channels, String sendAt) {
        NoticeView created = notices.create(caller, new CreateNotice(title, body, scope(scope), channels(channels), at(sendAt)));
        if (created.sendAt() == null) {
            notices.publishNow(caller, created.id());
        }
        return created.id();
    }

    Followed follow(Caller caller, UUID noticeId) {
        NoticeView notice = notices.get(caller, noticeId);
        List<DeliveryView> deliveries = notices.deliveries(caller, noticeId);
        boolean settled = deliveries.stream().noneMatch(d -> d.status() == NoticeDelivery.Status.PENDING
                || d.status() == NoticeDelivery.Status.SENDING);
        return new Followed(notice, deliveries, settled);
    }

    private static Scope scope(String value) {
        String[] parts = value == null ? new String[0] : value.split(":", 2);
        try {
            return new Scope(PlaceType.valueOf(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ApiException.invalid("scope", "请选择通知范围", "Choose where the notice goes");
        }
    }

    private static List<Notice.Channel> channels(List<String> values) {
        try {
            return values == null ? List.of() : values.stream().map(Notice.Channel::valueOf).toList();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("channels", "发送渠道无效", "Unknown channel");
        }
    }

    private OffsetDateTime at(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(time.zone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("sendAt", "发送时间格式无效", "The time is not valid");
        }
    }
}
