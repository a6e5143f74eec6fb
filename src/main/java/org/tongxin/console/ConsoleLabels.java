package org.tongxin.console;

import io.quarkus.qute.TemplateExtension;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.tongxin.care.CareRequest;
import org.tongxin.notice.Notice;
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

    /** An amount in fen as yuan with two decimals. */
    static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, Math.abs(fen % 100));
    }
}
