package org.tongxin.volunteer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tongxin.common.ErrorCode;

/** Refusals of volunteer applications. */
public enum VolunteerError implements ErrorCode {
    APPLICATION_EXISTS(409, "你在该社区已有待审核或已通过的申请", "You already have an open application in this community"),
    APPLICATION_NOT_FOUND(404, "找不到该申请", "Application not found"),
    APPLICATION_NOT_PENDING(409, "该申请已处理过", "This application has already been decided"),
    NOT_A_VOLUNTEER(404, "你还不是志愿者，请先提交申请", "You are not a volunteer yet; apply first");

    /**
     * The VolunteerError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        VolunteerError[] value();
    }

    private final Text text;

    VolunteerError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
