package org.tongxin.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.auth.AccountService;
import org.tongxin.common.TimeConfig;
import org.tongxin.notice.DeliveryRepository.Taken;
import org.tongxin.wechat.WeChatClient;

/**
 * SUBSCRIBE rows: a WeChat subscribe message (订阅消息) through WxJava. SENDING is recorded first,
 * then one of the person's acceptances of the template is used up, then the message sent. 43101
 * (refused, or none left on WeChat's side) ends it FAILED with the acceptance used, never retried; a
 * passing failure gives the acceptance back before the retry.
 */
@ApplicationScoped
class SubscribeChannel implements DeliveryChannel {

    private final DeliveryRepository deliveries;
    private final DeliveryOutcomes outcomes;
    private final NoticeRepository notices;
    private final ConsentRepository consents;
    private final AccountService accounts;
    private final WeChatClient wechat;
    private final NoticeConfig config;
    private final ZoneId zone;

    SubscribeChannel(DeliveryRepository deliveries, DeliveryOutcomes outcomes, NoticeRepository notices, ConsentRepository consents,
                     AccountService accounts, WeChatClient wechat, NoticeConfig config, TimeConfig time) {
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        this.notices = notices;
        this.consents = consents;
        this.accounts = accounts;
        this.wechat = wechat;
        this.config = config;
        this.zone = time.zone();
    }

    @Override
    public Notice.Channel channel() {
        return Notice.Channel.SUBSCRIBE;
    }

    @Override
    @ActivateRequestContext
    public void deliver(Taken t, OffsetDateTime claim) {
        OffsetDateTime now = outcomes.now();
        OffsetDateTime sendLease = now.plus(config.lease());
        if (!deliveries.startSending(t.id(), claim, sendLease)) {
            return;
        }
        String template = config.subscribe().templateId().orElse(null);
        Optional<String> openid = accounts.openidOf(t.targetId());
        Optional<UUID> consent = template == null ? Optional.empty() : consents.useOne(t.targetId(), template, t.id(), now);
        if (template == null || openid.isEmpty() || consent.isEmpty()) {
            outcomes.fail(t, sendLease, template == null ? "no subscribe template configured"
                    : openid.isEmpty() ? "the person has no WeChat openid" : "no unused acceptance of the template left");
            return;
        }
        NoticeRepository.Content notice = notices.content(t.noticeId());
        NoticeConfig.Subscribe s = config.subscribe();
        var outcome = wechat.sendSubscribe(openid.get(), template, s.page(), Map.of(
                s.titleField(), SubscribeFields.thing(notice.title()),
                s.summaryField(), SubscribeFields.thing(SubscribeFields.plain(notice.body())),
                s.timeField(), SubscribeFields.time(now.atZoneSameInstant(zone))));
        outcomes.record(t, sendLease, outcome, () -> consents.giveBack(consent.get()));
    }
}
