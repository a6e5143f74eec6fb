package org.tongxin.order;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tongxin.common.ErrorCode;

/** Refusals of the catalogue and of resident orders. */
public enum OrderError implements ErrorCode {
    PRODUCT_NOT_FOUND(404, "找不到该商品", "No such product"),
    WINDOW_NOT_FOUND(404, "找不到该订购时段", "No such ordering window"),
    ORDER_NOT_FOUND(404, "找不到该订单", "No such order"),
    BATCH_NOT_FOUND(404, "找不到该批次", "No such batch"),
    WINDOW_STILL_OPEN(409, "订购时段尚未结束，不能生成批次", "The ordering window is still open"),
    NOTHING_TO_BATCH(409, "该时段没有待配送的订单", "The window has no orders left to batch"),
    BAD_TRANSITION(409, "批次不能跳过或重复这一步", "The batch cannot take this step now"),
    REST_NOT_OVER(409, "消杀后静置时间未到，暂不能放行", "The rest after disinfection is not over yet"),
    NOT_READY(409, "订单尚未放行，不能交付", "The order is not released for hand-over yet"),
    WRONG_DELIVERY_MODE(409, "该订单不是这种交付方式", "The order is not handed over this way"),
    WRONG_PICKUP_CODE(409, "取货码不正确", "The pickup code is wrong"),
    SLOT_NOT_FOUND(404, "找不到该取货时段", "No such pickup slot"),
    SLOT_FULL(409, "该取货时段已满，请选择其他时段", "The pickup slot is full; pick another"),
    SLOT_PASSED(409, "该取货时段已开始或已过", "The pickup slot has started or passed"),
    PRODUCT_NAME_TAKEN(409, "本社区已有同名商品", "The community already has a product of that name"),
    PRODUCT_NOT_IN_WINDOW(400, "该商品不在本次订购时段中", "The product is not on sale in this ordering window"),
    PRODUCT_ELSEWHERE(400, "商品不属于该社区", "The product belongs to another community"),
    HOUSEHOLD_REQUIRED(400, "请先绑定本社区的住户", "Join a household of this community first"),
    IDEMPOTENCY_KEY_REQUIRED(400, "缺少 Idempotency-Key 请求头", "The Idempotency-Key header is required"),
    WINDOW_CLOSED(409, "当前不在订购时段内", "The ordering window is not open"),
    OUT_OF_STOCK(409, "商品库存不足", "Not enough stock left"),
    LIMIT_EXCEEDED(409, "超过每户限购数量", "More than a household may order"),
    ALREADY_CANCELLED(409, "订单已取消", "The order is already cancelled"),
    PICKUP_CODES_TAKEN(409, "取货码分配冲突，请重新提交订单", "No free pickup code was found for the order; place it again"),
    ORDER_NOT_ACTIVE(409, "订单已取消或已交付，不能再选取货时段", "The order is cancelled or handed over; it takes no pickup slot"),
    IDEMPOTENCY_KEY_REUSED(422, "该 Idempotency-Key 已用于另一笔不同的订单", "This Idempotency-Key was used for a different order");

    /**
     * The OrderError refusals an operation may answer with: the OpenAPI document lists them under their
     * statuses ({@link org.tongxin.common.OpenApiRefusals}), so a renamed or removed code fails to compile.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Refusals {
        OrderError[] value();
    }

    private final Text text;

    OrderError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
