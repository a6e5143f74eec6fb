package org.tongxin.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tongxin.common.ErrorCode;

/** Refusals of login, tokens and invitations. */
public enum AuthError implements ErrorCode {
    REFRESH_TOKEN_INVALID(401, "登录已过期，请重新登录", "The session has expired; log in again"),
    REFRESH_TOKEN_REUSED(401, "登录凭证已被使用，为安全起见请重新登录", "This refresh token was already used; log in again"),
    INVITATION_INVALID(404, "邀请码无效", "The invitation code is not valid"),
    INVITATION_USED_UP(409, "邀请码已被用完", "The invitation code has been used up"),
    INVITATION_EXPIRED(410, "邀请码已过期", "The invitation code has expired"),
    INVITATION_REVOKED(410, "邀请码已被撤销", "The invitation code has been revoked"),
    INVITATION_NOT_FOUND(404, "找不到该邀请", "No such invitation"),
    GRANT_NOT_FOUND(404, "找不到该角色授权", "No such role grant"),
    GRANT_IS_YOURS(409, "不能撤销自己的角色，请让上级撤销", "You cannot revoke your own role; ask someone above you"),
    ROLE_NOT_INVITABLE(403, "不能邀请此角色：只能在自己的管辖范围内邀请不高于自己的角色（居民无需邀请）",
            "You cannot invite to this role: only roles at or below your own, inside your scope (nobody is invited to RESIDENT)"),
    SCOPE_REQUIRED(400, "该角色需要指定所属范围（街道、社区或网格）", "This role needs a scope (street, community or grid)"),
    SCOPE_NOT_ALLOWED(400, "区级管理员不需要指定范围", "A district admin has no scope"),
    EXPIRY_IN_PAST(400, "过期时间必须在将来", "The expiry must be in the future");

    /**
     * The AuthError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        AuthError[] value();
    }

    private final Text text;

    AuthError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
