package org.tongxin.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
/**
 * A place of the organisation tree ({@link OrgLocation}) that does not exist. Here, beneath every
 * feature, because every feature addresses places (an invitation's scope in auth, a notice's, a
 * care request's) while the tree itself is org's.
 */
public enum PlaceError implements ErrorCode {
    STREET_NOT_FOUND(404, "找不到该街道", "Street not found"),
    COMMUNITY_NOT_FOUND(404, "找不到该社区", "Community not found"),
    GRID_NOT_FOUND(404, "找不到该网格", "Grid not found"),
    BUILDING_NOT_FOUND(404, "找不到该楼栋", "Building not found"),
    HOUSEHOLD_NOT_FOUND(404, "找不到该住户", "Household not found");

    /**
     * The PlaceError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        PlaceError[] value();
    }

    private final Text text;

    PlaceError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
