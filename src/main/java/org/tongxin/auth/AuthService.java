package org.tongxin.auth;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tongxin.auth.AuthDtos.CodeRequest;
import org.tongxin.auth.AuthDtos.RefreshRequest;
import org.tongxin.auth.AuthDtos.TokenResponse;
import org.tongxin.common.ApiException;
import org.tongxin.common.CommonError;
import org.tongxin.common.ClientAddress;
import org.tongxin.common.Hashing;
import org.tongxin.common.RateLimiter;
import org.tongxin.wechat.WeChatClient;
import org.tongxin.wechat.WeChatError;
import org.tongxin.wechat.WxSession;

/**
 * WeChat login, token refresh and logout. A {@code wx.login} code is exchanged once with WeChat
 * (never retried: codes are single-use) for our own pair of tokens; WeChat's ids stay here.
 */
@ApplicationScoped
public class AuthService {

    private static final Pattern DEV_NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern DEV_PHONE = Pattern.compile("1[3-9][0-9]{9}");

    private final WeChatClient wechat;
    private final AccountService accounts;
    private final SessionStore sessions;
    private final TokenIssuer tokens;
    private final RateLimiter rateLimiter;
    private final AuthConfig config;
    private final ClientAddress address;

    AuthService(WeChatClient wechat, AccountService accounts, SessionStore sessions, TokenIssuer tokens,
                RateLimiter rateLimiter, AuthConfig config, ClientAddress address) {
        this.wechat = wechat;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.address = address;
    }

    /**
     * Three limits guard the exchange with WeChat: per client address (as {@link ClientAddress}
     * resolves it, so a forged X-Forwarded-For cannot dodge it), across the whole service (WeChat's
     * quota is shared), and per person once WeChat has said who it is.
     */
    public TokenResponse login(@NotNull @Valid CodeRequest req) {
        rateLimiter.perMinute("login:addr:" + address.get(), config.limits().loginPerAddress());
        rateLimiter.perMinute("login:all", config.limits().loginGlobal());
        WxSession wx;
        String nickname = null;
        if (devLoginApplies(req.code())) {
            nickname = req.code().substring(4);
            if (!DEV_NAME.matcher(nickname).matches()) {
                throw new ApiException(WeChatError.WX_CODE_INVALID);
            }
            wx = new WxSession("dev:" + nickname, null);
        } else {
            wx = wechat.login(req.code());
        }
        UserAccount user = accounts.upsert(wx, nickname);
        rateLimiter.perMinute("login:user:" + user.getId(), config.limits().loginPerUser());
        SessionStore.Issued session = sessions.create(user.getId());
        Log.infof("login user=%s session=%s", user.getId(), session.sessionId());
        return issue(session);
    }

    public TokenResponse refresh(@NotNull @Valid RefreshRequest req) {
        rateLimiter.perMinute("refresh:addr:" + address.get(), config.limits().refreshPerAddress());
        rateLimiter.perMinute("refresh:token:" + Hashing.sha256Hex(req.refreshToken()), config.limits().refreshPerToken());
        try {
            SessionStore.Issued rotated = sessions.rotate(req.refreshToken());
            try {
                return issue(rotated);
            } catch (ApiException gone) {
                if (gone.code() != CommonError.UNAUTHORIZED) {
                    throw gone;
                }
                sessions.revoke(rotated.sessionId()); // the account was erased: its sessions end here
                throw new ApiException(AuthError.REFRESH_TOKEN_INVALID);
            }
        } catch (ApiException e) {
            if (e.code() == AuthError.REFRESH_TOKEN_REUSED) {
                Log.warn("refresh token reuse detected; session revoked");
            }
            throw e;
        }
    }

    public void logout(Caller caller) {
        sessions.revoke(caller.sessionId());
        Log.infof("logout user=%s session=%s", caller.userId(), caller.sessionId());
    }

    /** Binds the phone number behind a {@code getPhoneNumber} code; answers it masked. */
    public String bindPhone(Caller caller, @NotNull @Valid CodeRequest req) {
        rateLimiter.perMinute("phone:user:" + caller.userId(), config.limits().phonePerUser());
        rateLimiter.perMinute("phone:addr:" + address.get(), config.limits().phonePerAddress());
        String phone;
        if (devLoginApplies(req.code())) {
            phone = req.code().substring(4);
            if (!DEV_PHONE.matcher(phone).matches()) {
                throw new ApiException(WeChatError.PHONE_CODE_INVALID);
            }
        } else {
            phone = wechat.phoneNumber(req.code());
        }
        return accounts.bindPhone(caller.userId(), phone);
    }

    /**
     * The dev profile's login without WeChat ({@code dev-<name>}), for the staff console's dev form: a
     * new login session of that user, as the API's dev login makes; empty wherever dev login is off.
     */
    public Optional<Caller> devSession(String name) {
        if (!devLoginApplies("dev-" + name) || !DEV_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        rateLimiter.perMinute("login:addr:" + address.get(), config.limits().loginPerAddress());
        UserAccount user = accounts.upsert(new WxSession("dev:" + name, null), name);
        SessionStore.Issued session = sessions.create(user.getId());
        Log.infof("dev login user=%s session=%s", user.getId(), session.sessionId());
        return Optional.of(new Caller(user.getId(), session.sessionId(), accounts.grantsOf(user.getId())));
    }

    /** Whether {@code dev-<name>} logins work here: the dev profile without WeChat credentials. */
    public boolean devLoginOn() {
        return config.devLogin() && !wechat.configured();
    }

    /** Dev codes apply only when dev login is on and no real WeChat credentials are configured. */
    private boolean devLoginApplies(String code) {
        return config.devLogin() && !wechat.configured() && code.startsWith("dev-");
    }

    private TokenResponse issue(SessionStore.Issued s) {
        String access = tokens.accessToken(s.userId(), s.sessionId(), () -> accounts.grantsOf(s.userId()));
        return new TokenResponse(access, s.refreshToken(), tokens.expiresInSeconds(), accounts.me(s.userId()));
    }
}
