package org.tongxin.notice;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.OptionalLong;
import org.tongxin.auth.Caller;
import org.tongxin.common.ApiException;
import org.tongxin.notice.NoticeDtos.Subscribe;
import org.tongxin.notice.NoticeDtos.Subscribed;

/**
 * Residents' acceptances of subscribe messages: WeChat allows one message per "accept" in
 * {@code wx.requestSubscribeMessage}, so each call records one. At most 50 are kept unused per
 * template (a mini-program calling in a loop gains nothing), held by one conditional statement
 * under parallel calls; only the template the service sends notices as is accepted.
 */
@ApplicationScoped
public class SubscriptionService {

    static final int MOST_UNUSED = 50;

    private final ConsentRepository consents;
    private final NoticeConfig config;
    private final Clock clock;

    SubscriptionService(ConsentRepository consents, NoticeConfig config, Clock clock) {
        this.consents = consents;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Subscribed accept(Caller caller, @NotNull @Valid Subscribe req) {
        if (!config.subscribe().templateId().map(req.templateId()::equals).orElse(false)) {
            throw new ApiException(NoticeError.TEMPLATE_NOT_OFFERED);
        }
        OptionalLong unused = consents.accept(caller.userId(), req.templateId(), MOST_UNUSED, OffsetDateTime.now(clock));
        if (unused.isPresent()) {
            Log.infof("subscribe message accepted user=%s template=%s", caller.userId(), req.templateId());
        }
        return new Subscribed(req.templateId(), unused.orElse(MOST_UNUSED));
    }
}
