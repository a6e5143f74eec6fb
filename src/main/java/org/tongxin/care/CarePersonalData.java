package org.tongxin.care;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.tongxin.auth.AccountService;
import org.tongxin.care.CareDtos.CareRequestView;
import org.tongxin.care.CareDtos.VulnerableView;
import org.tongxin.common.PiiCipher;
import org.tongxin.privacy.AuditKind;
import org.tongxin.privacy.DataSubject;
import org.tongxin.privacy.PersonalCopy;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;

/**
 * Care (docs/privacy.md). The copy holds the household's care requests and those the person filed
 * for a household they have left, the household's entries of the vulnerable-person register (what
 * staff recorded about the people living there) and the care packages it received.
 *
 * <p>The erasure keeps every request as a row for the district's statistics, and removes the texts
 * of those the person filed (description, completion note, comment) — except the requests still
 * open for a household where others still live: those are the household's, which still needs the
 * help, and stay whole. A still-open request with nobody left in its household is cancelled. The
 * register and the packages are the household's and stay.
 *
 * <p>A stand-down removes the scope's register (the entries themselves) and the texts of its care
 * requests; the requests stay, with type, status, times and priority (requests per day are kept).
 */
@ApplicationScoped
class CarePersonalData implements PersonalData {

    private final CareRequestRepository requests;
    private final VulnerableRepository register;
    private final DonationRepository donations;
    private final AccountService accounts;
    private final PiiCipher pii;
    private final Clock clock;

    CarePersonalData(CareRequestRepository requests, VulnerableRepository register, DonationRepository donations,
                     AccountService accounts, PiiCipher pii, Clock clock) {
        this.requests = requests;
        this.register = register;
        this.donations = donations;
        this.accounts = accounts;
        this.pii = pii;
        this.clock = clock;
    }

    @Override
    public void export(DataSubject who, PersonalCopy copy) {
        copy.put("careRequests", requests.filedByOrFor(who.userId(), who.householdId()).stream()
                .map(r -> CareRequestView.of(r, pii, null)).toList());
        copy.put("register", who.inHousehold() ? register.list("place.householdId = ?1 order by recordedAt", who.householdId())
                .stream().map(p -> VulnerableView.of(p, pii)).toList() : List.of());
        copy.put("carePackages", who.inHousehold() ? donations.linesOfHousehold(who.householdId()) : List.of());
    }

    @Override
    public void erase(DataSubject who) {
        boolean othersStay = who.inHousehold()
                && accounts.residentsOf(List.of(who.householdId())).stream().anyMatch(u -> !u.equals(who.userId()));
        requests.eraseFiledBy(who.userId(), othersStay ? who.householdId() : null, OffsetDateTime.now(clock));
    }

    @Override
    public List<Step> purgeSteps() {
        return List.of(new Step("REGISTER", AuditKind.REGISTER, register::entriesIn, register::purge),
                new Step("CARE_TEXTS", AuditKind.CARE_REQUEST, requests::textsIn, requests::purgeTexts));
    }

    @Override
    public List<Kept> kept(PurgeScope scope) {
        return requests.perDay(scope, clock.getZone());
    }
}
