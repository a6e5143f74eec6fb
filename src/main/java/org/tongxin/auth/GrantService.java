package org.tongxin.auth;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.tongxin.auth.AuthDtos.GrantView;
import org.tongxin.common.ApiException;
import org.tongxin.common.Page;

/**
 * Who holds which role where, and taking a role back (撤销): by anyone who could have invited to
 * it, never by the holder themself. The revocation is an event inside the transaction, so the
 * features above undo what the role allowed in the same commit (a revoked VOLUNTEER loses their
 * future shifts); after the commit, the person's access tokens are marked stale, so the role is
 * gone from the next request on, not at the token's expiry.
 */
@ApplicationScoped
public class GrantService {

    private final GrantRepository grants;
    private final ScopeGuard scope;
    private final SessionStore sessions;
    private final Event<GrantRevoked> revoked;

    GrantService(GrantRepository grants, ScopeGuard scope, SessionStore sessions, Event<GrantRevoked> revoked) {
        this.grants = grants;
        this.scope = scope;
        this.sessions = sessions;
        this.revoked = revoked;
    }

    /** Grants within the caller's staff scopes, optionally of one community and one role. */
    public Page<GrantView> list(Caller caller, UUID communityId, Role role, int page, int size) {
        ScopeFilter filter = ScopeFilter.of(caller);
        return new Page<>(grants.views(filter, communityId, role, page, size), page, size,
                grants.countViews(filter, communityId, role));
    }

    @Transactional
    public void revoke(Caller caller, UUID grantId) {
        RoleGrant held = grants.findByIdOptional(grantId).orElseThrow(() -> new ApiException(AuthError.GRANT_NOT_FOUND));
        if (held.getUserId().equals(caller.userId())) {
            throw new ApiException(AuthError.GRANT_IS_YOURS);
        }
        Grant grant = held.toGrant();
        if (!scope.mayManage(caller, grant)) {
            throw new ApiException(AuthError.ROLE_NOT_INVITABLE);
        }
        grants.delete(held);
        revoked.fire(new GrantRevoked(held.getUserId(), grant));
        Log.infof("role revoked user=%s role=%s by=%s", held.getUserId(), grant.role(), caller.userId());
    }

    void tokensStale(@Observes(during = TransactionPhase.AFTER_SUCCESS) GrantRevoked event) {
        sessions.grantsChanged(event.userId());
    }
}
