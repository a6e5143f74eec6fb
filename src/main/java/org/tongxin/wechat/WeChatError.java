package org.tongxin.wechat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tongxin.common.ErrorCode;

/** How WeChat's refusals reach our clients. */
public enum WeChatError implements ErrorCode {
    WX_CODE_INVALID(401, "微信登录凭证无效或已使用，请重新登录", "The WeChat login code is invalid or already used; log in again"),
    PHONE_CODE_INVALID(400, "手机号授权凭证无效或已使用，请重新授权", "The phone-number code is invalid or already used; authorise again"),
    WX_UNAVAILABLE(503, "微信服务繁忙，请稍后再试", "WeChat is busy; try again shortly"),
    WX_ERROR(502, "微信服务返回错误，请稍后再试", "WeChat answered with an error; try again later"),
    WX_NOT_CONFIGURED(503, "微信登录尚未配置", "WeChat login is not configured");

    /**
     * The WeChatError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        WeChatError[] value();
    }

    private final Text text;

    WeChatError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
