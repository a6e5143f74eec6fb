package org.tongxin.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
/** Errors that belong to no single feature: input, protocol and access. */
public enum CommonError implements ErrorCode {
    VALIDATION_FAILED(400, "请求内容不符合要求", "The request is not valid"),
    MALFORMED_JSON(400, "请求内容不是有效的 JSON", "The request body is not valid JSON"),
    UNKNOWN_FIELD(400, "请求中包含未知字段", "The request contains an unknown field"),
    BAD_REQUEST(400, "请求无效", "Bad request"),
    MALFORMED_URI(400, "请求地址格式不正确", "The request address is malformed"),
    UNAUTHORIZED(401, "请先登录", "Please log in"),
    FORBIDDEN(403, "没有权限进行此操作", "You are not allowed to do this"),
    NOT_FOUND(404, "找不到请求的内容", "Not found"),
    METHOD_NOT_ALLOWED(405, "不支持此请求方法", "Method not allowed"),
    NOT_ACCEPTABLE(406, "无法提供所要求的格式", "The requested format is not available"),
    CONFLICT(409, "与现有数据冲突", "The request conflicts with existing data"),
    PAYLOAD_TOO_LARGE(413, "请求内容过大", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "不支持的内容类型，请使用 application/json", "Unsupported content type; use application/json"),
    RATE_LIMITED(429, "请求过于频繁，请稍后再试", "Too many requests; try again later"),
    INTERNAL_ERROR(500, "服务器开小差了，请稍后再试", "Something went wrong on our side; try again later"),
    SERVICE_UNAVAILABLE(503, "服务暂时不可用，请稍后再试", "The service is briefly unavailable; try again shortly");

    /**
     * The CommonError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        CommonError[] value();
    }

    private final Text text;

    CommonError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
