package org.tongxin.notice;

import java.time.OffsetDateTime;
import org.tongxin.notice.DeliveryRepository.Taken;

/**
 * How one channel of the outbox sends a row the relay took ({@link DeliveryRelay}): group robots
 * ({@link RobotChannel}) and subscribe messages ({@link SubscribeChannel}). Each records SENDING
 * before it sends and hands the outcome to {@link DeliveryOutcomes}.
 */
interface DeliveryChannel {

    Notice.Channel channel();

    /** Sends {@code taken}, which this relay holds under the claim lease {@code claim}; runs in a request context of its own. */
    void deliver(Taken taken, OffsetDateTime claim);
}
