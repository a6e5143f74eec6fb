package org.tongxin.notice;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.AccountService;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.Page;
import org.tongxin.notice.NoticeDtos.*;
import org.tongxin.org.HouseholdService;
import org.tongxin.org.OrgService;

/**
 * Notices (通知公告): written once by staff for a place of the tree, published now or at a set
 * time. Publishing writes the delivery rows (the outbox) in the same transaction, so a notice is
 * published with all its deliveries or not at all; the relay sends the group chats' rows. Only
 * staff whose scope covers the notice's place may write, publish or follow it.
 */
@ApplicationScoped
public class NoticeService {

    private final NoticeRepository notices;
    private final DeliveryRepository deliveries;
    private final OrgService org;
    private final AccountService accounts;
    private final HouseholdService households;
    private final ScopeGuard scope;
    private final NoticeConfig config;
    private final Clock clock;

    NoticeService(NoticeRepository notices, DeliveryRepository deliveries, OrgService org, AccountService accounts,
                  HouseholdService households, ScopeGuard scope, NoticeConfig config, Clock clock) {
        this.config = config;
        this.notices = notices;
        this.deliveries = deliveries;
        this.org = org;
        this.accounts = accounts;
        this.households = households;
        this.scope = scope;
        this.clock = clock;
    }

    /** A draft, or with {@code sendAt} a notice scheduled for then (its deliveries written now, due then). */
    @Transactional
    public NoticeView create(Caller caller, @NotNull @Valid CreateNotice req) {
        if (req.channels().contains(Notice.Channel.SUBSCRIBE) && config.subscribe().templateId().isEmpty()) {
            throw new ApiException(NoticeError.CHANNEL_NOT_AVAILABLE);
        }
        OrgLocation place = locate(req.scope());
        scope.require(caller, Role.GRID_WORKER, place);
        OffsetDateTime now = now();
        if (req.sendAt() != null && !req.sendAt().isAfter(now)) {
            throw new ApiException(NoticeError.SEND_AT_PASSED);
        }
        Notice notice = new Notice(req.title().strip(), req.body().strip(), Notice.ScopeType.valueOf(req.scope().type().name()),
                req.scope().id(), place,
                req.channels().stream().distinct().toList(), req.sendAt(), caller.userId(), now);
        notices.persistAndFlush(notice);
        if (req.sendAt() != null) {
            publish(notice, req.sendAt().truncatedTo(ChronoUnit.MICROS), now);
        }
        Log.infof("notice created id=%s scope=%s:%s scheduled=%s", notice.getId(), req.scope().type(), req.scope().id(),
                req.sendAt() != null);
        return NoticeView.from(reloaded(notice), now);
    }

    /** Publishes a draft, or a scheduled notice ahead of its time; 409 once published. */
    @Transactional
    public NoticeView publishNow(Caller caller, UUID noticeId) {
        Notice notice = staffNotice(noticeId);
        scope.require(caller, Role.GRID_WORKER, notice.place());
        OffsetDateTime now = now();
        publish(notice, now, now);
        Log.infof("notice published id=%s", noticeId);
        return NoticeView.from(reloaded(notice), now);
    }

    /** The community's notices within the caller's reach (drafts, scheduled, published, withdrawn), newest first; 403 outside it. */
    public Page<NoticeView> ofCommunity(Caller caller, UUID communityId, int page, int size) {
        ScopeGuard.Reach reach = scope.reachIn(caller, Role.GRID_WORKER, org.locateCommunity(communityId));
        if (reach.nowhere()) {
            throw new ApiException(CommonError.FORBIDDEN);
        }
        OffsetDateTime now = now();
        return Page.of(notices.ofCommunity(communityId, reach), page, size, n -> NoticeView.from(n, now));
    }

    /** A notice as staff in its scope see it; 404 NOTICE_NOT_FOUND. */
    public NoticeView get(Caller caller, UUID noticeId) {
        Notice notice = staffNotice(noticeId);
        scope.require(caller, Role.GRID_WORKER, notice.place());
        return NoticeView.from(notice, now());
    }

    /** What the group robots would post for this title and body: the Markdown, its size, whether it was cut to fit WeCom's 4,096 bytes. */
    public RobotPreview robotPreview(String title, String body) {
        String full = ChatMessage.whole(title.strip(), body.strip());
        String posted = ChatMessage.markdown(title.strip(), body.strip());
        return new RobotPreview(posted, posted.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, !posted.equals(full));
    }

    /** Each (channel, target) of the notice with its state; the feed's row is pending until its time. */
    public List<DeliveryView> deliveries(Caller caller, UUID noticeId) {
        Notice notice = staffNotice(noticeId);
        scope.require(caller, Role.GRID_WORKER, notice.place());
        OffsetDateTime now = now();
        return deliveries.of(noticeId).stream().map(d -> d.sentAt() != null && d.sentAt().isAfter(now)
                ? new DeliveryView(d.channel(), d.target(), d.targetName(), NoticeDelivery.Status.PENDING, d.attempts(),
                        d.lastError(), null)
                : new DeliveryView(d.channel(), d.target(), d.targetName(), d.status(), d.attempts(), d.lastError(), d.sentAt()))
                .toList();
    }

    /**
     * The caller's feed: the FEED notices published for their household's places (none without a
     * household) and the messages addressed to them, newest first.
     */
    public Page<NoticeView> feed(Caller caller, int page, int size) {
        OffsetDateTime now = now();
        OrgLocation household = accounts.householdOf(caller.userId()).map(households::locate).orElse(null);
        return Page.of(notices.feed(caller.userId(), household, now), page, size, n -> NoticeView.from(n, now));
    }

    /** Sets the publication time and writes the outbox rows, in the caller's transaction. */
    private void publish(Notice notice, OffsetDateTime at, OffsetDateTime now) {
        if (!notices.publish(notice.getId(), at, now)) {
            throw new ApiException(NoticeError.ALREADY_PUBLISHED);
        }
        List<Notice.Channel> channels = notice.channelList();
        if (channels.contains(Notice.Channel.FEED)) {
            deliveries.writeFeed(notice.getId(), notice.getScopeId(), at);
        }
        if (channels.contains(Notice.Channel.GROUP_CHAT)) {
            int robots = deliveries.writeGroupChats(notice.getId(), notice.place(), at);
            Log.infof("notice outbox id=%s group chats=%d due=%s", notice.getId(), robots, at);
        }
        if (channels.contains(Notice.Channel.SUBSCRIBE)) {
            // Checked when the notice was written; a template removed since then sends nothing.
            config.subscribe().templateId().ifPresent(template -> Log.infof("notice outbox id=%s subscribers=%d due=%s",
                    notice.getId(), deliveries.writeSubscribers(notice.getId(), notice.place(), template, at), at));
        }
    }

    /** A notice staff wrote for a place; messages other features sent to people are not theirs to publish or follow. */
    private Notice staffNotice(UUID noticeId) {
        return notices.findByIdOptional(noticeId).filter(n -> n.getScopeType() != Notice.ScopeType.USERS)
                .orElseThrow(() -> new ApiException(NoticeError.NOTICE_NOT_FOUND));
    }

    private OrgLocation locate(Scope target) {
        return switch (target.type()) {
            case STREET -> org.locateStreet(target.id());
            case COMMUNITY -> org.locateCommunity(target.id());
            case GRID -> org.locateGrid(target.id());
            case BUILDING -> org.locateBuilding(target.id());
        };
    }

    private Notice reloaded(Notice notice) {
        notices.getEntityManager().refresh(notice);
        return notice;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
