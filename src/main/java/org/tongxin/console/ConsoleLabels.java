package org.tongxin.console;

import io.quarkus.qute.TemplateExtension;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.tongxin.care.CareRequest;
import org.tongxin.care.VulnerablePerson;
import org.tongxin.notice.Notice;
import org.tongxin.order.Batch;
import org.tongxin.shift.ShiftClaim;
import org.tongxin.notice.NoticeDelivery;
import org.tongxin.volunteer.Skill;

/** Words the console's pages show for the API's enum values (Chinese first, as the mini-program shows them). */
@TemplateExtension
final class ConsoleLabels {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private ConsoleLabels() {}

    /** A moment as the office reads it: in the service's zone ({@code tongxin.time.zone}), month, day and time. */
    static String local(OffsetDateTime at) {
        ZoneId zone = ConfigProvider.getConfig().getOptionalValue("tongxin.time.zone", ZoneId.class).orElse(ZoneId.of("Asia/Shanghai"));
        return at.atZoneSameInstant(zone).format(LOCAL);
    }

    static String zh(Skill skill) {
        return switch (skill) {
            case MEDICAL -> "医护";
            case DRIVING -> "驾驶";
            case DATA_ENTRY -> "数据录入";
            case LOGISTICS -> "物资搬运";
            case ELDERLY_CARE -> "照护老人";
            case OTHER -> "其他";
        };
    }

    static String zh(Notice.Channel channel) {
        return switch (channel) {
            case GROUP_CHAT -> "群聊机器人";
            case SUBSCRIBE -> "订阅消息";
            case FEED -> "小程序通知";
        };
    }

    static String zh(NoticeDelivery.Status status) {
        return switch (status) {
            case PENDING -> "待发送";
            case SENDING -> "发送中";
            case SENT -> "已发送";
            case FAILED -> "失败";
        };
    }

    static String zh(Notice.Status status) {
        return switch (status) {
            case DRAFT -> "草稿";
            case SCHEDULED -> "定时发送";
            case PUBLISHED -> "已发布";
            case CANCELLED -> "已撤回";
        };
    }

    static String zh(CareRequest.Type type) {
        return switch (type) {
            case MEDICINE -> "买药";
            case MEDICAL_TRIP -> "就医";
            case HOME_SAMPLING -> "上门采样";
            case ESSENTIALS -> "生活物资";
            case EMERGENCY -> "紧急求助";
            case OTHER -> "其他";
        };
    }

    static String zh(VulnerablePerson.Category category) {
        return switch (category) {
            case ELDERLY_ALONE -> "独居老人";
            case EXTREME_POVERTY -> "特困人员";
            case DISABLED -> "残障人士";
            case PREGNANT -> "孕产妇";
            case CHRONIC_ILLNESS -> "慢性病患者";
            case OTHER -> "其他";
        };
    }

    static String zh(ShiftClaim.Status status) {
        return switch (status) {
            case CLAIMED -> "已认领，未签到";
            case CHECKED_IN -> "已签到";
            case CHECKED_OUT -> "已签退";
        };
    }

    /** What the button that takes a batch to this step says. */
    static String zhAction(Batch.Status status) {
        return switch (status) {
            case CREATED -> "生成";
            case ARRIVED -> "已到达卡口";
            case DISINFECTED -> "已消杀";
            case STORED -> "已入存放区";
            case RELEASED -> "放行";
        };
    }

    static String zh(CareRequest.Status status) {
        return switch (status) {
            case SUBMITTED -> "待分级";
            case TRIAGED -> "待指派";
            case ASSIGNED -> "已指派";
            case ACCEPTED -> "处理中";
            case COMPLETED -> "已完成";
            case CONFIRMED -> "已确认";
            case CANCELLED -> "已取消";
        };
    }

    /** An amount in fen as yuan with two decimals. */
    static String yuan(int fen) {
        return yuan((long) fen);
    }

    static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, Math.abs(fen % 100));
    }
}
