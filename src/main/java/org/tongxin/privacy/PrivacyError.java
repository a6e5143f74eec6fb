package org.tongxin.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tongxin.common.ErrorCode;

/** Refusals of the personal-data feature (docs/privacy.md). */
public enum PrivacyError implements ErrorCode {
    AUDIT_UNAVAILABLE(503, "访问记录暂时无法写入，为保护个人信息，本次未返回数据，请稍后重试",
            "The access could not be recorded, so the personal data was not sent; try again shortly"),
    STAND_DOWN_SCOPE_INVALID(400, "解除范围有误：街道须给出街道 id，全区不给 id",
            "A STREET stand-down names its street's id; a DISTRICT one names none"),
    STAND_DOWN_NOT_FOUND(404, "找不到该解除封控记录", "Stand-down not found"),
    STAND_DOWN_STARTED(409, "清除已经开始或已结束，不能再取消", "The purge has started or ended; it can no longer be cancelled"),
    CONFIRMATION_REQUIRED(400, "注销账号需确认：请在请求中写明 confirm: \"DELETE\"",
            "Erasing the account needs the confirmation {\"confirm\": \"DELETE\"} in the request");

    /** The PrivacyError refusals an operation may answer with (see CareError.Refusals). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        PrivacyError[] value();
    }

    private final Text text;

    PrivacyError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
