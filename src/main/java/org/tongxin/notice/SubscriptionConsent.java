package org.tongxin.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A resident's acceptance of a subscribe-message template: WeChat allows one message per acceptance.
 * Written only by {@link ConsentRepository#accept}, which holds the cap.
 */
@Entity
@Table(name = "subscription_consent")
public class SubscriptionConsent {

    @Id
    private UUID id;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "template_id")
    private String templateId;
    @Column(name = "granted_at")
    private OffsetDateTime grantedAt;
    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected SubscriptionConsent() {}

    public UUID getId() { return id; }
    public OffsetDateTime getUsedAt() { return usedAt; }
}
