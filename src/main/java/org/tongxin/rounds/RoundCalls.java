package org.tongxin.rounds;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.AccountService;
import org.tongxin.notice.Notice;
import org.tongxin.notice.NoticeOutbox;
import org.tongxin.org.OrgService;
import org.tongxin.rounds.RoundRepository.Called;
import org.tongxin.rounds.RoundRepository.SiteRow;

/**
 * Calls a site's next group and tells its people, in the caller's transaction: the call is
 * {@code call_next_group} (once per group, the site's row locked), and the message goes through the
 * notice outbox in the same transaction — the lane's group robots and the feed of the group's
 * residents ("请一网格 1号楼101–1号楼305的居民到北门核酸点检测") — so a group is announced exactly when,
 * and as often as, it is called: once.
 */
@ApplicationScoped
class RoundCalls {

    static final String TITLE = "核酸检测叫号";

    private final RoundRepository rounds;
    private final NoticeOutbox notices;
    private final AccountService accounts;
    private final OrgService org;

    RoundCalls(RoundRepository rounds, NoticeOutbox notices, AccountService accounts, OrgService org) {
        this.rounds = rounds;
        this.notices = notices;
        this.accounts = accounts;
        this.org = org;
    }

    /** Calls the next group of {@code site} if it may be called now (or, {@code manual}, if it fits); answers what happened. */
    Called next(SiteRow site, UUID by, boolean manual, OffsetDateTime now) {
        Called called = rounds.callNext(site.id(), now, by, manual);
        announce(site, called, by, manual, now);
        return called;
    }

    /** People left the site: the counts go down and the next group is called if they now allow it; answers the count on site. */
    RoundRepository.Left left(SiteRow site, int left, int gone, UUID by, OffsetDateTime now) {
        return announce(site, rounds.leaveSite(site.id(), left, gone, now, by), by, now);
    }

    /** Tells the people of the group that people leaving {@code site} called, if they called one (a sample's statement calls it). */
    RoundRepository.Left announce(SiteRow site, RoundRepository.Left left, UUID by, OffsetDateTime now) {
        if (left.called() != null) {
            announce(site, left.called(), by, false, now);
        }
        return left;
    }

    private void announce(SiteRow site, Called called, UUID by, boolean manual, OffsetDateTime now) {
        if (called.groupId() != null) {
            String body = "请" + called.label() + "的居民到" + site.name() + "（" + site.place() + "）核酸点检测，请带好手机，保持一米间距。";
            notices.toPlace("round-call:" + called.groupId(), org.locateGrid(called.gridId()), TITLE, body,
                    List.of(Notice.Channel.GROUP_CHAT), now);
            notices.toUsers("round-call-feed:" + called.groupId(), accounts.residentsOf(rounds.householdsOf(called.groupId())),
                    TITLE, body, now);
            Log.infof("round group called site=%s group=%s seq=%d people=%d by=%s%s", site.id(), called.groupId(), called.seq(),
                    called.people(), by, manual ? " (by hand)" : "");
        }
    }
}
