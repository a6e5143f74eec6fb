package org.tongxin.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tongxin.common.ErrorCode;

/** Refusals of the staff console's login (docs/console.md). */
public enum ConsoleError implements ErrorCode {
    CONSOLE_STAFF_ONLY(403, "只有工作人员可以登录工作台", "Only staff may log in to the console"),
    CONSOLE_NONCE_EXPIRED(410, "二维码已过期或已使用，请刷新工作台登录页", "The login code expired or was used; reload the console's login page"),
    CONSOLE_FORM_EXPIRED(403, "页面已过期，请刷新后重试", "The form is stale (no valid CSRF token); reload the page and try again");

    /**
     * The ConsoleError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        ConsoleError[] value();
    }

    private final Text text;

    ConsoleError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
