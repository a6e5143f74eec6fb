package org.tongxin.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One (notice, channel, target) of the outbox: a row written in the transaction that published the
 * notice. Changed only by the conditional statements of {@link DeliveryRepository}.
 */
@Entity
@Table(name = "notice_delivery")
public class NoticeDelivery {

    /** PENDING until sent (SENDING while a relay holds its lease); SENT, or FAILED for good. */
    public enum Status { PENDING, SENDING, SENT, FAILED }

    @Id
    private UUID id;
    @Column(name = "notice_id")
    private UUID noticeId;
    @Enumerated(EnumType.STRING)
    private Notice.Channel channel;
    @Column(name = "target_id")
    private UUID targetId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;
    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;
    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    protected NoticeDelivery() {}
}
