package org.tongxin.shift;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tongxin.common.ErrorCode;

/** Refusals of checkpoints, shifts and claims. */
public enum ShiftError implements ErrorCode {
    CHECKPOINT_NOT_FOUND(404, "找不到该值守点", "Checkpoint not found"),
    SHIFT_NOT_FOUND(404, "找不到该班次", "Shift not found"),
    CLAIM_NOT_FOUND(404, "你没有认领该班次", "You do not hold this shift"),
    PATTERN_GAP(400, "班次安排没有覆盖全天 24 小时", "The shift pattern leaves part of the day uncovered"),
    BAD_RANGE(400, "日期范围无效：结束日期不能早于开始日期，且最多 62 天", "Bad date range: the end must not precede the start, at most 62 days"),
    CHECKPOINT_NAME_TAKEN(409, "该社区已有同名值守点", "The community already has a checkpoint with this name"),
    VOLUNTEER_REQUIRED(403, "只有该社区已通过审核的志愿者可以认领班次", "Only approved volunteers of this community can claim its shifts"),
    SHIFT_FULL(409, "该班次人数已满", "This shift is full"),
    SHIFT_OVERLAP(409, "与你已认领的班次时间重叠", "This shift overlaps one you already hold"),
    ALREADY_CLAIMED(409, "你已认领该班次", "You already hold this shift"),
    SHIFT_STARTED(409, "该班次已经开始", "This shift has already started"),
    CANCEL_TOO_LATE(409, "距离开班时间太近，无法取消，请联系社区工作人员", "Too close to the start to cancel; contact the community staff"),
    CHECK_IN_TOO_EARLY(409, "还未到签到时间", "Check-in is not open yet"),
    SHIFT_ENDED(409, "该班次已经结束", "This shift has ended"),
    ALREADY_CHECKED_IN(409, "已经签到过了", "Already checked in"),
    NOT_CHECKED_IN(409, "还没有签到", "Not checked in");

    /**
     * The ShiftError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        ShiftError[] value();
    }

    private final Text text;

    ShiftError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
