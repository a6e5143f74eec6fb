package org.tongxin.auth;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tongxin.auth.AuthDtos.CodeRequest;
import org.tongxin.auth.AuthDtos.CreateInvitation;
import org.tongxin.auth.AuthDtos.InvitationView;
import org.tongxin.auth.AuthDtos.MeView;
import org.tongxin.common.ApiException;
import org.tongxin.common.ClientAddress;
import org.tongxin.common.Hashing;
import org.tongxin.common.Page;
import org.tongxin.common.RateLimiter;
import org.tongxin.common.OrgLocation;

/**
 * Staff roles are handed out by invitation codes (邀请码): a caller may invite only to roles at
 * or below their own, inside their own scope. Uses and expiry are enforced by the database.
 */
@ApplicationScoped
public class InvitationService {

    static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
    private static final int CODE_LENGTH = 12;

    private final InvitationRepository invitations;
    private final AccountService accounts;
    private final OrgDirectory org;
    private final AuthConfig config;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final ClientAddress address;
    private final ScopeGuard scope;

    InvitationService(InvitationRepository invitations, AccountService accounts, OrgDirectory org, AuthConfig config,
                      Clock clock, RateLimiter rateLimiter, ClientAddress address, ScopeGuard scope) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.org = org;
        this.config = config;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        this.address = address;
        this.scope = scope;
    }

    @Transactional
    public InvitationView create(Caller caller, @NotNull @Valid CreateInvitation req) {
        Grant target = resolve(req.role(), req.scopeId());
        if (!scope.mayManage(caller, target)) {
            throw new ApiException(AuthError.ROLE_NOT_INVITABLE);
        }
        String supplier = req.supplier() == null || req.supplier().isBlank() ? null : req.supplier().strip();
        if ((supplier != null) != (req.role() == Role.SUPPLIER)) {
            throw req.role() == Role.SUPPLIER
                    ? ApiException.invalid("supplier", "邀请供应商须写明供应商名称（与其商品上的名称一致）",
                            "a SUPPLIER invitation names the supplier, as its products do")
                    : ApiException.invalid("supplier", "只有供应商邀请需要写明供应商", "only a SUPPLIER invitation names a supplier");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expiresAt = req.expiresAt() != null ? req.expiresAt() : now.plus(DEFAULT_VALIDITY);
        if (!expiresAt.isAfter(now)) {
            throw new ApiException(AuthError.EXPIRY_IN_PAST);
        }
        long days = config.invitationMaxValidity().toDays();
        if (expiresAt.isAfter(now.plus(config.invitationMaxValidity()))) {
            throw ApiException.invalid("expiresAt", "邀请码有效期最长 " + days + " 天",
                    "an invitation may be valid for at most " + days + " days");
        }
        int maxUses = req.maxUses() != null ? req.maxUses() : 1;
        if (maxUses > config.invitationMaxUses()) {
            throw ApiException.invalid("maxUses", "一个邀请码最多可使用 " + config.invitationMaxUses() + " 次",
                    "an invitation may have at most " + config.invitationMaxUses() + " uses");
        }
        String code = Hashing.randomCode(CODE_LENGTH);
        Invitation inv = new Invitation(Hashing.sha256(code), target, supplier, maxUses, expiresAt, caller.userId());
        invitations.persistAndFlush(inv);
        Log.infof("invitation created id=%s role=%s by=%s", inv.getId(), target.role(), caller.userId());
        return InvitationView.from(inv, code);
    }

    /** Accepting twice is harmless: the second time changes nothing and answers the same profile. */
    @Transactional
    public MeView accept(Caller caller, @NotNull @Valid CodeRequest req) {
        rateLimiter.perMinute("accept:user:" + caller.userId(), config.limits().acceptPerUser());
        rateLimiter.perMinute("accept:addr:" + address.get(), config.limits().acceptPerAddress());
        Invitation inv = invitations.findByCodeHash(Hashing.sha256(req.code().trim().toUpperCase()))
                .orElseThrow(() -> new ApiException(AuthError.INVITATION_INVALID));
        OffsetDateTime now = OffsetDateTime.now(clock);
        refuseIfClosed(inv, now);
        if (invitations.recordAcceptance(inv.getId(), caller.userId())) {
            if (!invitations.takeUse(inv.getId(), now)) {
                // Revoked or expired meanwhile, or used up; throwing rolls back the acceptance row too.
                refuseIfClosed(invitations.reloaded(inv), now);
                throw new ApiException(AuthError.INVITATION_USED_UP);
            }
            accounts.grant(caller.userId(), inv.grant(), inv.getSupplier());
            Log.infof("invitation accepted id=%s user=%s role=%s", inv.getId(), caller.userId(), inv.getRole());
        }
        return accounts.me(caller.userId());
    }

    /** Invitations within the caller's staff scopes, newest first, without their codes. */
    public Page<InvitationView> list(Caller caller, int page, int size) {
        ScopeFilter scope = ScopeFilter.of(caller);
        return Page.of(invitations.find(scope.where() + " order by createdAt desc", scope.params()), page, size,
                inv -> InvitationView.from(inv, null));
    }

    /** Stops an invitation from being accepted again; those who accepted it keep their role. */
    @Transactional
    public InvitationView revoke(Caller caller, UUID id) {
        Invitation inv = invitations.findByIdOptional(id).orElseThrow(() -> new ApiException(AuthError.INVITATION_NOT_FOUND));
        if (!scope.mayManage(caller, inv.grant())) {
            throw new ApiException(AuthError.ROLE_NOT_INVITABLE);
        }
        invitations.revoke(id, caller.userId(), OffsetDateTime.now(clock));
        Log.infof("invitation revoked id=%s by=%s", id, caller.userId());
        return InvitationView.from(invitations.reloaded(inv), null);
    }

    private static void refuseIfClosed(Invitation inv, OffsetDateTime now) {
        if (inv.getRevokedAt() != null) {
            throw new ApiException(AuthError.INVITATION_REVOKED);
        }
        if (inv.expired(now)) {
            throw new ApiException(AuthError.INVITATION_EXPIRED);
        }
    }

    /** Creates the configured bootstrap invitation (first acceptor becomes DISTRICT_ADMIN) at startup. */
    @Transactional
    void bootstrap(@Observes StartupEvent ignored) {
        config.bootstrapAdminCode().filter(c -> !c.isBlank()).ifPresent(code -> {
            invitations.insertIfAbsent(Hashing.sha256(code.trim().toUpperCase()), Role.DISTRICT_ADMIN, 1);
            Log.info("bootstrap admin invitation is configured");
        });
    }

    private Grant resolve(Role role, UUID scopeId) {
        if (role == Role.DISTRICT_ADMIN) {
            if (scopeId != null) {
                throw new ApiException(AuthError.SCOPE_NOT_ALLOWED);
            }
            return new Grant(role, null, null, null);
        }
        if (scopeId == null) {
            throw new ApiException(AuthError.SCOPE_REQUIRED);
        }
        OrgLocation at = switch (role.level()) {
            case STREET -> org.locateStreet(scopeId);
            case COMMUNITY -> org.locateCommunity(scopeId);
            case GRID -> org.locateGrid(scopeId);
            default -> throw new ApiException(AuthError.ROLE_NOT_INVITABLE);
        };
        return new Grant(role, at.streetId(), at.communityId(), at.gridId());
    }
}
