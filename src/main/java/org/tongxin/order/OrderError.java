package org.tongxin.order;

import org.tongxin.common.ErrorCode;

/** Refusals of the catalogue and of resident orders. */
public enum OrderError implements ErrorCode {
    PRODUCT_NOT_FOUND(404, "找不到该商品", "No such product"),
    WINDOW_NOT_FOUND(404, "找不到该订购时段", "No such ordering window"),
    ORDER_NOT_FOUND(404, "找不到该订单", "No such order"),
    PRODUCT_NAME_TAKEN(409, "本社区已有同名商品", "The community already has a product of that name"),
    PRODUCT_NOT_IN_WINDOW(400, "该商品不在本次订购时段中", "The product is not on sale in this ordering window"),
    PRODUCT_ELSEWHERE(400, "商品不属于该社区", "The product belongs to another community"),
    HOUSEHOLD_REQUIRED(400, "请先绑定本社区的住户", "Join a household of this community first"),
    IDEMPOTENCY_KEY_REQUIRED(400, "缺少 Idempotency-Key 请求头", "The Idempotency-Key header is required"),
    WINDOW_CLOSED(409, "当前不在订购时段内", "The ordering window is not open"),
    OUT_OF_STOCK(409, "商品库存不足", "Not enough stock left"),
    LIMIT_EXCEEDED(409, "超过每户限购数量", "More than a household may order"),
    ALREADY_CANCELLED(409, "订单已取消", "The order is already cancelled"),
    IDEMPOTENCY_KEY_REUSED(422, "该 Idempotency-Key 已用于另一笔不同的订单", "This Idempotency-Key was used for a different order");

    private final Text text;

    OrderError(int status, String zh, String en) {
        this.text = new Text(status, zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
