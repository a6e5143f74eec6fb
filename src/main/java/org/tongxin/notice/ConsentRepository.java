package org.tongxin.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Residents' acceptances of a subscribe-message template: one message each. */
@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<SubscriptionConsent, UUID> {

    public long unused(UUID userId, String templateId) {
        return count("userId = ?1 and templateId = ?2 and usedAt is null", userId, templateId);
    }

    /** Uses up the person's oldest unused acceptance for the delivery; empty when none is left. */
    @Transactional
    public Optional<UUID> useOne(UUID userId, String templateId, UUID deliveryId, OffsetDateTime now) {
        List<?> used = getEntityManager().createNativeQuery("""
                UPDATE subscription_consent SET used_at = :now, used_by = :d
                WHERE id = (SELECT id FROM subscription_consent WHERE user_id = :u AND template_id = :t AND used_at IS NULL
                            ORDER BY granted_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id""").setParameter("now", now).setParameter("d", deliveryId).setParameter("u", userId)
                .setParameter("t", templateId).getResultList();
        return used.stream().findFirst().map(UUID.class::cast);
    }

    /** A send that failed for a passing reason gives its acceptance back for the retry. */
    @Transactional
    public void giveBack(UUID consentId) {
        getEntityManager().createNativeQuery("UPDATE subscription_consent SET used_at = NULL, used_by = NULL WHERE id = :id")
                .setParameter("id", consentId).executeUpdate();
    }
}
