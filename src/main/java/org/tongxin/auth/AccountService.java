package org.tongxin.auth;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.tongxin.auth.AuthDtos.MeView;
import org.tongxin.auth.AuthDtos.ScopeView;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.SealedColumn;
import org.tongxin.wechat.WxSession;

/**
 * People and their roles: the facade other features use to grant a role (an approved volunteer
 * becomes VOLUNTEER) or to bind a household. Personal data goes in encrypted and comes out masked.
 */
@ApplicationScoped
public class AccountService {

    private final UserRepository users;
    private final GrantRepository grants;
    private final PiiCipher pii;
    private final Clock clock;

    AccountService(UserRepository users, GrantRepository grants, PiiCipher pii, Clock clock) {
        this.users = users;
        this.grants = grants;
        this.pii = pii;
        this.clock = clock;
    }

    /** The user behind a WeChat identity, created on first login. Safe under parallel logins. */
    @Transactional
    public UserAccount upsert(WxSession wx, String nickname) {
        byte[] hash = pii.hash(wx.openid());
        UserAccount user = users.findByOpenidHash(hash).orElse(null);
        if (user == null) {
            UUID id = UUID.randomUUID();
            users.insertIfAbsent(id, hash, pii.seal(SealedColumn.USER_OPENID, id, wx.openid()), nickname);
            user = users.findByOpenidHash(hash).orElseThrow();
            Log.infof("user created id=%s", user.getId());
        }
        user.loggedIn(OffsetDateTime.now(clock), pii.sealNullable(SealedColumn.USER_UNIONID, user.getId(), wx.unionid()));
        return user;
    }

    public MeView me(UUID userId) {
        UserAccount user = user(userId);
        List<Grant> held = grants.grantsOf(userId);
        List<Role> roles = Stream.concat(Stream.of(Role.RESIDENT), held.stream().map(Grant::role)).distinct().sorted().toList();
        return new MeView(user.getId(), user.getNickname(), roles, held.stream().map(ScopeView::from).toList(),
                user.getPhoneMasked(), user.getHouseholdId());
    }

    /** The household the person has joined, if any. */
    public Optional<UUID> householdOf(UUID userId) {
        return users.householdOf(userId);
    }

    /** The residents (accounts) of these households, for messages to them. */
    public List<UUID> residentsOf(java.util.Collection<UUID> householdIds) {
        return users.residentsOf(householdIds);
    }

    /**
     * A person's WeChat openid, to send them a subscribe message; empty for accounts without one
     * (dev logins, erased accounts). Personal data: never logged, never answered.
     */
    public Optional<String> openidOf(UUID userId) {
        try {
            return users.sealedOpenid(userId).map(sealed -> pii.open(SealedColumn.USER_OPENID, userId, sealed));
        } catch (PiiCipher.Unavailable e) {
            pii.report(e);
            return Optional.empty();
        }
    }

    /** The community's staff (COMMUNITY_STAFF granted for it), e.g. to tell them something. */
    public List<UUID> communityStaff(UUID communityId) {
        return grants.holdersIn(Role.COMMUNITY_STAFF, communityId);
    }

    /** Who holds {@code role} for the community or one of its grids (a grid worker's grid in {@code gridId}), by nickname. */
    public List<AuthDtos.GrantView> holdersWithin(Role role, UUID communityId) {
        return grants.holdersWithin(role, communityId);
    }

    public List<Grant> grantsOf(UUID userId) {
        return grants.grantsOf(userId);
    }

    /** Gives a role; granting what is already held changes nothing. Takes effect at the next token refresh. */
    @Transactional
    public void grant(UUID userId, Grant grant) {
        grant(userId, grant, null);
    }

    /** As {@link #grant(UUID, Grant)}; {@code supplier}: the supplier a SUPPLIER grant works for (else null). */
    @Transactional
    public void grant(UUID userId, Grant grant, String supplier) {
        grants.grant(userId, grant, supplier);
        Log.infof("role granted user=%s role=%s", userId, grant.role());
    }

    /** The supplier (as products name it) a person is a SUPPLIER of in the community; empty when none is named. */
    public Optional<String> supplierIn(UUID userId, UUID communityId) {
        return grants.supplierIn(userId, communityId);
    }

    /** Stores the phone number encrypted, with a keyed hash for look-ups; returns it masked. */
    @Transactional
    public String bindPhone(UUID userId, String phone) {
        String masked = PiiCipher.maskPhone(phone);
        user(userId).bindPhone(pii.seal(SealedColumn.USER_PHONE, userId, phone), pii.hash(phone), masked);
        Log.infof("phone bound user=%s", userId);
        return masked;
    }

    /**
     * Moves the user into a household and answers the one they left (empty if none); joins the
     * caller's transaction, which also keeps the households' member counts.
     */
    @Transactional
    public Optional<UUID> moveToHousehold(UUID userId, UUID householdId) {
        UserRepository.Previous previous = users.moveToHousehold(userId, householdId)
                .orElseThrow(() -> new ApiException(CommonError.UNAUTHORIZED));
        return Optional.ofNullable(previous.householdId());
    }

    /** The account, unless there is none or it was erased (its tokens are refused then too). */
    private UserAccount user(UUID userId) {
        return users.findByIdOptional(userId).filter(u -> !u.isErased()).orElseThrow(() -> new ApiException(CommonError.UNAUTHORIZED));
    }
}
