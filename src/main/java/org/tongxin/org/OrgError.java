package org.tongxin.org;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tongxin.common.ErrorCode;

/** Refusals of the organisation feature. */
public enum OrgError implements ErrorCode {
    NAME_TAKEN(409, "同一上级下已有同名单位", "The name is already used at this level"),
    ROOM_TAKEN(409, "该楼栋已有此房号", "This room already exists in the building"),
    JOIN_CODE_INVALID(404, "住户码无效", "The household join code is not valid"),
    HOUSEHOLD_FULL(409, "该住户的成员已满，请联系网格员", "This household has as many members as it may have; ask your grid worker");

    /**
     * The OrgError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        OrgError[] value();
    }

    private final Text text;

    OrgError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
