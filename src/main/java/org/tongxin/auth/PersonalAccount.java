package org.tongxin.auth;

import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tongxin.auth.AuthDtos.ScopeView;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SealedColumn;

/**
 * A person's account as they may see it in full and erase it (the privacy feature's
 * GET /api/me/data and DELETE /api/me, docs/privacy.md). Erasing takes the person's roles away the
 * way a revocation does ({@link GrantRevoked}, so the features above undo what each role allowed),
 * scrubs the account's row and, once committed, ends every token the person holds.
 */
@ApplicationScoped
public class PersonalAccount {

    /** The account in the person's copy of their data: the phone in full, decrypted for them. */
    @RegisterForReflection
    public record AccountCopy(UUID id, @Schema(nullable = true) String nickname, @Schema(nullable = true) String phone,
                              boolean wechatLinked, boolean wechatUnionLinked, @Schema(nullable = true) UUID householdId,
                              OffsetDateTime createdAt, OffsetDateTime lastLoginAt, List<ScopeView> roles,
                              List<String> unavailable) {}

    /** An account not erased yet, locked for its erasure: the household it belongs to (null for none). */
    @RegisterForReflection
    public record Live(UUID householdId) {}

    /** Fired in the erasing transaction, after the account's row was scrubbed. */
    @RegisterForReflection
    public record AccountErased(UUID userId) {}

    private final UserRepository users;
    private final GrantRepository grants;
    private final SessionStore sessions;
    private final PiiCipher pii;
    private final Event<GrantRevoked> revoked;
    private final Event<AccountErased> erased;
    private final Clock clock;

    PersonalAccount(UserRepository users, GrantRepository grants, SessionStore sessions, PiiCipher pii,
                    Event<GrantRevoked> revoked, Event<AccountErased> erased, Clock clock) {
        this.users = users;
        this.grants = grants;
        this.sessions = sessions;
        this.pii = pii;
        this.revoked = revoked;
        this.erased = erased;
        this.clock = clock;
    }

    /** Everything the account row holds about the person, for their own copy; 401 once erased. */
    public AccountCopy copyOf(UUID userId) {
        UserAccount u = users.findByIdOptional(userId).filter(a -> !a.isErased())
                .orElseThrow(() -> new ApiException(CommonError.UNAUTHORIZED));
        PiiCipher.Reader reader = pii.reader(userId);
        String phone = reader.open(SealedColumn.USER_PHONE, u.getPhoneEnc());
        return new AccountCopy(u.getId(), u.getNickname(), phone, u.hasOpenid(), u.hasUnionid(), u.getHouseholdId(), u.getCreatedAt(),
                u.getLastLoginAt(), grants.grantsOf(userId).stream().map(ScopeView::from).toList(), reader.unavailable());
    }

    /**
     * Locks the account for its erasure and answers the household it belongs to (a null id for
     * none), or empty when it was erased already: two erasures of one person run one after the other,
     * and the second finds nothing left to do.
     */
    @Transactional
    public Optional<Live> lockForErasure(UUID userId) {
        UserAccount u = users.findByIdOptional(userId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ApiException(CommonError.UNAUTHORIZED));
        return u.isErased() ? Optional.empty() : Optional.of(new Live(u.getHouseholdId()));
    }

    /** Takes every role away, each as a revocation the features above observe; in the erasing transaction. */
    @Transactional
    public void revokeAll(UUID userId) {
        for (RoleGrant held : grants.list("userId", userId)) {
            Grant grant = held.toGrant();
            grants.delete(held);
            revoked.fire(new GrantRevoked(userId, grant));
        }
    }

    /** Scrubs the account's row (see {@link UserAccount#erase}); the features above erased theirs first. */
    @Transactional
    public void erase(UUID userId) {
        users.findById(userId).erase(OffsetDateTime.now(clock));
        erased.fire(new AccountErased(userId));
        Log.infof("account erased user=%s", userId);
    }

    /**
     * A stand-down's purge: these residents lose their household link, phone and nickname (their
     * account stays: a login still works, as a resident of no household). Answers how many.
     */
    @Transactional
    public int unlinkResidents(List<UUID> userIds) {
        return users.getEntityManager().createNativeQuery("""
                UPDATE app_user SET household_id = NULL, phone_enc = NULL, phone_hash = NULL, phone_masked = NULL, nickname = NULL
                WHERE id IN (:ids)""").setParameter("ids", userIds).executeUpdate();
    }

    void endTokens(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountErased event) {
        sessions.erased(event.userId());
    }
}
