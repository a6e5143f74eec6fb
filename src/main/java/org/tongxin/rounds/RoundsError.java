package org.tongxin.rounds;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tongxin.common.ErrorCode;

/** Refusals of mass-testing rounds: household members, caretakers, rounds and the testing site. */
public enum RoundsError implements ErrorCode {
    MEMBER_NOT_FOUND(404, "找不到该住户成员", "No such household member"),
    VOLUNTEER_NOT_FOUND(404, "找不到该社区已通过审核的志愿者", "No approved volunteer of that id in the household's community"),
    CARETAKER_FULL(409, "该志愿者包户数已达上限", "The volunteer already looks after the most households allowed"),
    HOUSEHOLD_MEMBERS_FULL(409, "该住户成员数已达上限", "The household has the most members allowed"),
    ROUND_NOT_FOUND(404, "找不到该轮核酸检测", "No such testing round"),
    SITE_NOT_FOUND(404, "找不到该检测点", "No such site in this round"),
    GRID_NOT_IN_COMMUNITY(400, "网格不属于该社区", "A grid of another community"),
    GRID_TWICE(400, "同一网格只能分给一个检测点", "A grid is given to two sites"),
    CALL_GROUP_TOO_SMALL(400, "检测点容量须大于叫号阈值", "cap - callNextAt must leave room for a group"),
    NOBODY_TO_TEST(400, "这些网格还没有登记待检人员", "No household of these grids lists anyone to test"),
    ROUND_EXISTS(409, "该社区当天已有一轮核酸检测", "The community already has a round on that date"),
    ROUND_NOT_PLANNED(409, "该轮核酸检测已开始", "The round has started already"),
    ROUND_NOT_RUNNING(409, "该轮核酸检测未在进行中", "The round is not running"),
    SITE_FULL(409, "检测点人数已满，请稍候", "The site would hold more than its cap"),
    GROUP_NOT_CALLED(409, "该户所在批次尚未叫号", "The household's group has not been called"),
    WRONG_SITE(409, "该户不在本检测点检测", "The household is tested at another site"),
    NO_GROUP_LEFT(409, "已没有待叫号的批次", "Every group of the site has been called"),
    NOT_IN_ROUND(400, "该人员不在本轮检测范围内", "A member who is not in this round (or not of this household)"),
    NOT_ARRIVED(409, "该人员尚未到场签到", "The member has not arrived at this site"),
    ALREADY_SAMPLED(409, "该人员本轮已采样", "The member was sampled in this round already");

    /**
     * The RoundsError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        RoundsError[] value();
    }

    private final Text text;

    RoundsError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
