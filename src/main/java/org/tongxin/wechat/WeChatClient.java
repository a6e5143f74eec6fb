package org.tongxin.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceHttpClientImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import me.chanjar.weixin.common.error.WxErrorException;
import org.tongxin.common.ApiException;

/**
 * Everything we ask of WeChat's mini-program API, through WxJava. Codes from {@code wx.login}
 * and the phone button are single-use, so nothing here is ever retried: a failure goes back to
 * the client, which gets a fresh code. WeChat's error codes are mapped to ours; the raw answer
 * (which holds openid and session_key) is never logged.
 */
@ApplicationScoped
public class WeChatClient {

    /** 40029 invalid code, 40163 code already used, 40226 user blocked as high-risk. */
    private static final Set<Integer> BAD_CODE = Set.of(40029, 40163, 40226);
    /** -1 system busy, 45011 API minute quota exceeded. */
    private static final Set<Integer> BUSY = Set.of(-1, 45011);

    private final WeChatConfig config;
    private final WxMaService service;

    public WeChatClient(WeChatConfig config, RedisDataSource redis) {
        this.config = config;
        this.service = config.configured() ? build(config, redis) : null;
    }

    private static WxMaService build(WeChatConfig config, RedisDataSource redis) {
        WxMaRedisBetterConfigImpl wx = new WxMaRedisBetterConfigImpl(new RedisWxOps(redis), "tongxin:wx");
        wx.setAppid(config.appId().orElseThrow());
        wx.setSecret(config.secret().orElseThrow());
        wx.setApiHostUrl(config.apiBaseUrl());
        // The stable token does not invalidate the previous one, so replicas and deploys can overlap.
        wx.useStableAccessToken(true);
        WxMaServiceHttpClientImpl s = new WxMaServiceHttpClientImpl();
        s.setWxMaConfig(wx);
        s.setMaxRetryTimes(0);
        return s;
    }

    /** Whether real WeChat credentials are configured. */
    public boolean configured() {
        return service != null;
    }

    /** code2Session: who is behind this {@code wx.login} code. */
    public WxSession login(String code) {
        WxMaJscode2SessionResult r = call("jscode2session", WeChatError.WX_CODE_INVALID,
                () -> service().getUserService().getSessionInfo(code));
        return new WxSession(r.getOpenid(), r.getUnionid());
    }

    /** The phone number behind a {@code getPhoneNumber} button code, without country code. */
    public String phoneNumber(String code) {
        WxMaPhoneNumberInfo info = call("getuserphonenumber", WeChatError.PHONE_CODE_INVALID,
                () -> service().getUserService().getPhoneNumber(code));
        return info.getPurePhoneNumber() != null ? info.getPurePhoneNumber() : info.getPhoneNumber();
    }

    /** errcodes of a subscribe send that retrying will not change. */
    private static final java.util.Map<Integer, String> SUBSCRIBE_PERMANENT = java.util.Map.of(
            43101, "the person refused, or has no acceptance left",
            40003, "invalid openid",
            40037, "invalid template id",
            47003, "a field does not fit the template");

    /**
     * Sends one subscribe message (订阅消息) of {@code templateId} to {@code openid}, opening
     * {@code page}; {@code data}: field name → value, already within WeChat's limits. Never throws
     * for WeChat's refusals: the outcome says what happened (43101: the person's acceptance is used
     * or was never given).
     */
    public SendOutcome sendSubscribe(String openid, String templateId, String page, java.util.Map<String, String> data) {
        if (service == null) {
            return new SendOutcome(SendOutcome.Kind.PERMANENT, 0, "WeChat is not configured");
        }
        var message = cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage.builder().toUser(openid).templateId(templateId)
                .page(page).data(data.entrySet().stream()
                        .map(e -> new cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage.MsgData(e.getKey(), e.getValue())).toList())
                .build();
        try {
            service.getMsgService().sendSubscribeMsg(message);
            return SendOutcome.sent();
        } catch (WxErrorException e) {
            int code = e.getError() != null ? e.getError().getErrorCode() : -1;
            Log.warnf("wechat subscribe/send refused errcode=%d", code);
            String permanent = SUBSCRIBE_PERMANENT.get(code);
            return permanent != null ? new SendOutcome(SendOutcome.Kind.PERMANENT, code, "errcode " + code + ": " + permanent)
                    : new SendOutcome(SendOutcome.Kind.TRANSIENT, code, "errcode " + code);
        } catch (RuntimeException e) {
            Log.warnf("wechat subscribe/send unreachable: %s", e.getClass().getSimpleName());
            return new SendOutcome(SendOutcome.Kind.TRANSIENT, 0, "no answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    private WxMaService service() {
        if (service == null) {
            throw new ApiException(WeChatError.WX_NOT_CONFIGURED);
        }
        return service;
    }

    private interface WxCall<T> {
        T run() throws WxErrorException;
    }

    private static <T> T call(String api, WeChatError badCode, WxCall<T> call) {
        try {
            return call.run();
        } catch (WxErrorException e) {
            int code = e.getError() != null ? e.getError().getErrorCode() : -1;
            Log.warnf("wechat %s refused errcode=%d", api, code);
            if (BAD_CODE.contains(code)) {
                throw new ApiException(badCode);
            }
            if (BUSY.contains(code)) {
                throw ApiException.retryAfter(WeChatError.WX_UNAVAILABLE, code == 45011 ? 60 : 2);
            }
            throw new ApiException(WeChatError.WX_ERROR);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // Transport failures (timeouts, refused connections); the message may hold the URL, so only the type is logged.
            Log.warnf("wechat %s unreachable: %s", api, e.getClass().getSimpleName());
            throw ApiException.retryAfter(WeChatError.WX_UNAVAILABLE, 5);
        }
    }
}
