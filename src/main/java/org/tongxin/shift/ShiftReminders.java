package org.tongxin.shift;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tongxin.common.TimeConfig;
import org.tongxin.notice.NoticeOutbox;

/**
 * Reminds claimants of their shift ahead of its start ({@code tongxin.shift.remind-before}, 12 h
 * and 1 h by default), in their own feed. Run every minute: the claims whose next reminder is due
 * are locked (a cancel waits; other replicas skip them), the message handed to {@link NoticeOutbox} and
 * the claim's count of reminders raised, in one transaction. A claim cancelled first is gone and
 * never reminded; a claim made less than an hour ahead gets one reminder, not two.
 */
@ApplicationScoped
public class ShiftReminders {

    private static final int BATCH = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final ClaimRepository claims;
    private final NoticeOutbox notices;
    private final ShiftConfig config;
    private final Clock clock;
    private final ZoneId zone;

    ShiftReminders(ClaimRepository claims, NoticeOutbox notices, ShiftConfig config, Clock clock, TimeConfig time) {
        this.claims = claims;
        this.notices = notices;
        this.config = config;
        this.clock = clock;
        this.zone = time.zone();
    }

    @Scheduled(every = "${tongxin.shift.reminders-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            while (send() == BATCH) {
                // a full batch: there may be more due
            }
        } catch (RuntimeException unreachable) {
            Log.warnf("shift reminders skipped (%s)", unreachable.getClass().getSimpleName());
        }
    }

    /** Sends the reminders due now; answers how many claims it looked at. */
    @Transactional
    public int send() {
        List<Duration> leads = config.remindBefore().stream().sorted((a, b) -> b.compareTo(a)).toList();
        if (leads.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ClaimRepository.Upcoming> upcoming = claims.dueForReminder(now, leads.stream().map(now::plus).toList(), BATCH);
        int sent = 0;
        for (ClaimRepository.Upcoming c : upcoming) {
            int passed = (int) leads.stream().filter(lead -> !c.startsAt().minus(lead).isAfter(now)).count();
            if (passed <= c.remindersSent()) {
                continue;
            }
            long hours = Math.max(1, Duration.between(now, c.startsAt()).plusMinutes(30).toHours());
            String when = c.startsAt().atZoneSameInstant(zone).format(WHEN);
            notices.toUsers("shift-reminder:" + c.claimId() + ":" + passed, List.of(c.userId()),
                    "上岗提醒：" + c.checkpoint() + " " + when,
                    "您认领的「" + c.checkpoint() + "」班次将于 " + when + " 开始（约 " + hours + " 小时后），请按时到岗签到。"
                            + "如不能到岗，请尽早在小程序中取消认领，以便其他志愿者补位。", now);
            claims.remindersSent(c.claimId(), passed);
            sent++;
        }
        if (sent > 0) {
            Log.infof("shift reminders sent=%d", sent);
        }
        return upcoming.size();
    }
}
