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
import java.util.Map;
import org.tongxin.auth.AccountService;
import org.tongxin.common.TimeConfig;
import org.tongxin.notice.NoticeOutbox;
import org.tongxin.volunteer.VolunteerService;

/**
 * Tells a community's staff, in their own feed, when a claimant has not checked in
 * {@code tongxin.shift.no-show-after} (15 min) after their shift started, so that someone covers
 * the checkpoint. Once per claim (the claim is marked reported in the same transaction as the
 * message); shifts that started more than a day ago are left to the no-show list.
 */
@ApplicationScoped
public class NoShowReports {

    private static final int BATCH = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final ClaimRepository claims;
    private final VolunteerService volunteers;
    private final AccountService accounts;
    private final NoticeOutbox notices;
    private final ShiftConfig config;
    private final Clock clock;
    private final ZoneId zone;

    NoShowReports(ClaimRepository claims, VolunteerService volunteers, AccountService accounts, NoticeOutbox notices,
                  ShiftConfig config, Clock clock, TimeConfig time) {
        this.claims = claims;
        this.volunteers = volunteers;
        this.accounts = accounts;
        this.notices = notices;
        this.config = config;
        this.clock = clock;
        this.zone = time.zone();
    }

    @Scheduled(every = "${tongxin.shift.reminders-every:1m}", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            while (report() == BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException unreachable) {
            Log.warnf("no-show reports skipped (%s)", unreachable.getClass().getSimpleName());
        }
    }

    /** Reports the no-shows found now; answers how many. */
    @Transactional
    public int report() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ClaimRepository.Missed> missed = claims.unreportedNoShows(now.minus(Duration.ofDays(1)), now.minus(config.noShowAfter()), BATCH);
        Map<java.util.UUID, String> names = volunteers.names(missed.stream().map(ClaimRepository.Missed::volunteerId).distinct().toList());
        for (ClaimRepository.Missed m : missed) {
            String when = m.startsAt().atZoneSameInstant(zone).format(WHEN);
            notices.toUsers("no-show:" + m.claimId(), accounts.communityStaff(m.communityId()),
                    "缺岗：" + m.checkpoint() + " " + when,
                    "志愿者" + names.getOrDefault(m.volunteerId(), "") + "认领了「" + m.checkpoint() + "」" + when
                            + " 开始的班次，开班 " + config.noShowAfter().toMinutes() + " 分钟后仍未签到。请联系本人或安排补位。", now);
            claims.noShowReported(m.claimId());
        }
        if (!missed.isEmpty()) {
            Log.infof("no-shows reported=%d", missed.size());
        }
        return missed.size();
    }
}
