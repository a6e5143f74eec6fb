package org.tongxin.notice;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.tongxin.auth.Caller;
import org.tongxin.notice.NoticeDtos.Subscribe;
import org.tongxin.notice.NoticeDtos.Subscribed;

/**
 * Residents' acceptances of subscribe messages: WeChat allows one message per "accept" in
 * {@code wx.requestSubscribeMessage}, so each call records one. At most 50 are kept unused per
 * template (a mini-program calling in a loop gains nothing).
 */
@ApplicationScoped
public class SubscriptionService {

    static final int MOST_UNUSED = 50;

    private final ConsentRepository consents;
    private final Clock clock;

    SubscriptionService(ConsentRepository consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    @Transactional
    public Subscribed accept(Caller caller, @NotNull @Valid Subscribe req) {
        long unused = consents.unused(caller.userId(), req.templateId());
        if (unused < MOST_UNUSED) {
            consents.persist(new SubscriptionConsent(caller.userId(), req.templateId(), OffsetDateTime.now(clock)));
            unused++;
            Log.infof("subscribe message accepted user=%s template=%s", caller.userId(), req.templateId());
        }
        return new Subscribed(req.templateId(), unused);
    }
}
