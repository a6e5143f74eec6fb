package org.tongxin.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Residents' acceptances of a subscribe-message template: one message each. */
@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<SubscriptionConsent, UUID> {

    /**
     * Records one acceptance unless the person already has {@code cap} unused, in one statement:
     * the person's quota row is counted up only while below the cap (its row lock orders parallel
     * accepts), and the acceptance is written only when it was. Answers the unused count after, or
     * empty when at the cap.
     */
    public OptionalLong accept(UUID userId, String templateId, int cap, OffsetDateTime now) {
        List<?> rows = getEntityManager().createNativeQuery("""
                WITH quota AS (
                    INSERT INTO subscription_quota AS q (user_id, template_id, unused) VALUES (:u, :t, 1)
                    ON CONFLICT (user_id, template_id) DO UPDATE SET unused = q.unused + 1 WHERE q.unused < :cap
                    RETURNING q.unused)
                INSERT INTO subscription_consent (id, user_id, template_id, granted_at)
                SELECT :id, :u, :t, :now FROM quota RETURNING (SELECT unused FROM quota)""")
                .setParameter("u", userId).setParameter("t", templateId).setParameter("cap", cap)
                .setParameter("id", UUID.randomUUID()).setParameter("now", now).getResultList();
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) rows.get(0)).longValue());
    }

    /** Uses up the person's oldest unused acceptance for the delivery (and counts it off); empty when none is left. */
    @Transactional
    public Optional<UUID> useOne(UUID userId, String templateId, UUID deliveryId, OffsetDateTime now) {
        List<?> used = getEntityManager().createNativeQuery("""
                WITH used AS (
                    UPDATE subscription_consent SET used_at = :now, used_by = :d
                    WHERE id = (SELECT id FROM subscription_consent WHERE user_id = :u AND template_id = :t AND used_at IS NULL
                                ORDER BY granted_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING id), counted AS (
                    UPDATE subscription_quota SET unused = unused - 1
                    WHERE user_id = :u AND template_id = :t AND EXISTS (SELECT 1 FROM used))
                SELECT id FROM used""").setParameter("now", now).setParameter("d", deliveryId).setParameter("u", userId)
                .setParameter("t", templateId).getResultList();
        return used.stream().findFirst().map(UUID.class::cast);
    }

    /** A send that failed for a passing reason gives its acceptance back for the retry (and counts it on). */
    @Transactional
    public void giveBack(UUID consentId) {
        getEntityManager().createNativeQuery("""
                WITH back AS (
                    UPDATE subscription_consent SET used_at = NULL, used_by = NULL WHERE id = :id AND used_at IS NOT NULL
                    RETURNING user_id, template_id)
                UPDATE subscription_quota q SET unused = q.unused + 1 FROM back
                WHERE q.user_id = back.user_id AND q.template_id = back.template_id""")
                .setParameter("id", consentId).executeUpdate();
    }

    /** One template's acceptances: how many are still unused, how many were used, the last one's time. */
    @RegisterForReflection
    public record SubscriptionCopy(String templateId, long unused, long used, OffsetDateTime lastAcceptedAt) {}

    /** The person's acceptances per template, for their copy of their data. */
    public List<SubscriptionCopy> copiesOf(UUID userId) {
        return getEntityManager().createQuery("""
                select c.templateId, sum(case when c.usedAt is null then 1 else 0 end),
                       sum(case when c.usedAt is null then 0 else 1 end), max(c.grantedAt)
                from SubscriptionConsent c where c.userId = :u group by c.templateId order by c.templateId""",
                SubscriptionCopy.class).setParameter("u", userId).getResultList();
    }

    /** Drops every acceptance of the person and their counts (their erasure). */
    public void dropAll(UUID userId) {
        getEntityManager().createNativeQuery("DELETE FROM subscription_consent WHERE user_id = :u").setParameter("u", userId)
                .executeUpdate();
        getEntityManager().createNativeQuery("DELETE FROM subscription_quota WHERE user_id = :u").setParameter("u", userId)
                .executeUpdate();
    }
}
