package org.tongxin.privacy;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongxin.auth.Caller;
import org.tongxin.auth.PersonalAccount;
import org.tongxin.common.ApiException;
import org.tongxin.common.RateLimiter;

/**
 * A person's rights over their own data (PIPL Art. 44–47, docs/privacy.md): a copy of everything
 * kept about them and their household membership, and the erasure of their account. Each feature
 * says what it keeps through {@link PersonalData}; this service asks them all.
 */
@ApplicationScoped
public class PersonalDataService {

    /** What the erasure asks the person to send, so that a stray call erases nothing. */
    public static final String CONFIRMATION = "DELETE";

    private final PersonalAccount accounts;
    private final List<PersonalData> features;
    private final AuditTrail audit;
    private final RateLimiter rateLimiter;
    private final PrivacyConfig config;
    private final Clock clock;

    PersonalDataService(PersonalAccount accounts, @All List<PersonalData> features, AuditTrail audit, RateLimiter rateLimiter,
                        PrivacyConfig config, Clock clock) {
        this.accounts = accounts;
        this.features = features;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Everything kept about the caller: their account (the phone in full), then each feature's
     * sections, in one transaction so that the copy is of one moment.
     */
    @Transactional
    public Map<String, Object> copy(Caller caller) {
        rateLimiter.perMinute("my-data:" + caller.userId(), config.copiesPerMinute());
        PersonalAccount.AccountCopy account = accounts.copyOf(caller.userId());
        DataSubject who = new DataSubject(caller.userId(), account.householdId());
        PersonalCopy copy = new PersonalCopy();
        copy.put("account", account);
        features.forEach(f -> f.export(who, copy));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generatedAt", OffsetDateTime.now(clock));
        out.putAll(copy.sections());
        return out;
    }

    /**
     * Erases the caller's account: their roles go (each feature undoes what a role allowed), each
     * feature erases or anonymises what it keeps about them, the account row is scrubbed, the erasure
     * is recorded; all in one transaction, and the person's tokens end when it commits. Idempotent:
     * an account erased already is left as it is.
     */
    @Transactional
    public void erase(Caller caller, String confirmation) {
        if (!CONFIRMATION.equals(confirmation)) {
            throw new ApiException(PrivacyError.CONFIRMATION_REQUIRED);
        }
        Optional<PersonalAccount.Live> live = accounts.lockForErasure(caller.userId());
        if (live.isEmpty()) {
            return;
        }
        DataSubject who = new DataSubject(caller.userId(), live.get().householdId());
        accounts.revokeAll(caller.userId());
        features.forEach(f -> f.erase(who));
        accounts.erase(caller.userId());
        audit.erased(caller, AuditKind.ACCOUNT, List.of(caller.userId()));
        Log.infof("personal data erased user=%s features=%d", caller.userId(), features.size());
    }
}
