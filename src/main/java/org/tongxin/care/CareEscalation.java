package org.tongxin.care;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.tongxin.auth.AccountService;
import org.tongxin.notice.NoticeOutbox;

/**
 * Escalates the urgent requests nobody has accepted in time: a P1 not accepted 15 minutes after it
 * got its priority (at filing for an EMERGENCY, else at triage), a P2 after 2 hours
 * ({@code tongxin.care.*-accept-within}). Escalated requests come first in the staff list, and the
 * community's staff are told in their feed, in the same transaction as the flag — once per request.
 */
@ApplicationScoped
public class CareEscalation {

    private final CareRequestRepository requests;
    private final AccountService accounts;
    private final NoticeOutbox notices;
    private final CareConfig config;
    private final Clock clock;

    CareEscalation(CareRequestRepository requests, AccountService accounts, NoticeOutbox notices, CareConfig config, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.notices = notices;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${tongxin.care.escalate-every:1m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            escalate();
        } catch (RuntimeException unreachable) {
            Log.warnf("care escalation skipped (%s)", unreachable.getClass().getSimpleName());
        }
    }

    /** Escalates what is overdue now; answers how many requests. */
    @Transactional
    public int escalate() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<CareRequestRepository.Overdue> overdue = requests.escalateOverdue(now.minus(config.p1AcceptWithin()),
                now.minus(config.p2AcceptWithin()));
        for (CareRequestRepository.Overdue r : overdue) {
            notices.toUsers("care-escalated:" + r.id(), accounts.communityStaff(r.communityId()), "求助超时未接单",
                    "一条 " + r.priority() + " 求助在规定时间内无人接单，已升级置顶，请立即在小程序中处理。", now);
        }
        if (!overdue.isEmpty()) {
            Log.infof("care requests escalated=%d", overdue.size());
        }
        return overdue.size();
    }
}
