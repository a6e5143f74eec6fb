package org.tongxin.care;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tongxin.common.ErrorCode;

/** Refusals of the care feature. */
public enum CareError implements ErrorCode {
    CARE_REQUEST_NOT_FOUND(404, "找不到该求助", "No such care request"),
    DONATION_NOT_FOUND(404, "找不到该捐赠", "No such donation"),
    PACKAGE_NOT_FOUND(404, "找不到该关爱包", "No such care package"),
    DONATION_SHORT(409, "捐赠物资余量不足", "Not enough of a donated item is left"),
    HOUSEHOLD_ELSEWHERE(400, "住户不属于该社区", "A household is not in this community"),
    ITEM_ELSEWHERE(400, "物资不属于该社区的捐赠", "An item is not from a donation to this community"),
    ALREADY_DELIVERED(409, "关爱包已送达", "The care package was delivered already"),
    BAD_TRANSITION(409, "求助当前状态不能进行这一步", "The request cannot take this step now"),
    HOUSEHOLD_REQUIRED(400, "请先绑定住户，或由网格员代为提交", "Join a household first, or ask your grid worker to file it"),
    EMERGENCY_LIMIT(429, "该住户近一小时紧急求助次数已达上限，如情况危急请直接拨打 120 或社区值班电话",
            "The household filed the most emergencies allowed in an hour; call 120 or the community's duty phone"),
    ASSIGNEE_NOT_ELIGIBLE(400, "只能指派给本社区已通过审核的志愿者或负责该户的网格员", "Assign to an approved volunteer of the community or a grid worker of the household");

    /**
     * The CareError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        CareError[] value();
    }

    private final Text text;

    CareError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
