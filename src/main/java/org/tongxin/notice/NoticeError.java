package org.tongxin.notice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tongxin.common.ErrorCode;

/** Refusals of the notice feature. */
public enum NoticeError implements ErrorCode {
    NOTICE_NOT_FOUND(404, "找不到该通知", "No such notice"),
    GROUP_CHAT_NOT_FOUND(404, "找不到该群", "No such group chat"),
    GROUP_CHAT_NAME_TAKEN(409, "本社区已有同名群", "The community already has a group chat of that name"),
    GRID_ELSEWHERE(400, "该网格不属于这个社区", "The grid belongs to another community"),
    ALREADY_PUBLISHED(409, "该通知已发布", "The notice is already published"),
    SEND_AT_PASSED(400, "定时发送时间必须晚于现在", "sendAt must lie in the future"),
    CHANNEL_NOT_AVAILABLE(400, "暂不支持该发送渠道", "This channel is not available yet"),
    TEMPLATE_NOT_OFFERED(400, "本服务不发送该订阅消息模板", "The service sends no subscribe messages of this template");

    /**
     * The NoticeError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        NoticeError[] value();
    }

    private final Text text;

    NoticeError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
