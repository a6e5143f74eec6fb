package org.tongxin.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users by id or by the keyed hash of their openid. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserAccount, UUID> {

    /** A person's sealed openid, read fresh. */
    public Optional<byte[]> sealedOpenid(UUID userId) {
        return getEntityManager().createQuery("select u.openidEnc from UserAccount u where u.id = :id and u.openidEnc is not null",
                byte[].class).setParameter("id", userId).getResultStream().findFirst();
    }

    /** The household a person belongs to, read without loading (and tracking) the account. */
    public Optional<UUID> householdOf(UUID userId) {
        return getEntityManager().createQuery("select u.householdId from UserAccount u where u.id = :id and u.householdId is not null",
                UUID.class).setParameter("id", userId).getResultStream().findFirst();
    }

    /** The people who belong to any of these households. */
    public List<UUID> residentsOf(java.util.Collection<UUID> householdIds) {
        return householdIds.isEmpty() ? List.of() : getEntityManager().createQuery(
                "select u.id from UserAccount u where u.householdId in :h", UUID.class).setParameter("h", householdIds).getResultList();
    }

    public Optional<UserAccount> findByOpenidHash(byte[] hash) {
        return find("openidHash", (Object) hash).firstResultOptional();
    }

    /**
     * Binds the user to a household. Answers the household they were in before (a null id if
     * none), or empty when there is no such user (or it was erased). The user's row is locked while this runs, so two
     * joins by one person happen one after the other.
     */
    public Optional<Previous> moveToHousehold(UUID userId, UUID householdId) {
        List<?> previous = getEntityManager().createNativeQuery("""
                UPDATE app_user u SET household_id = :household
                FROM (SELECT id, household_id FROM app_user WHERE id = :user AND erased_at IS NULL FOR UPDATE) old
                WHERE u.id = old.id
                RETURNING CAST(old.household_id AS text)""")
                .setParameter("household", householdId).setParameter("user", userId)
                .getResultList();
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        Object old = previous.get(0);
        return Optional.of(new Previous(old == null ? null : UUID.fromString(old.toString())));
    }

    /** The household a user was in before a move; {@code householdId} is null when none. */
    @RegisterForReflection
    public record Previous(UUID householdId) {}

    /**
     * Creates the user of a first login, or does nothing when a parallel login of the same person
     * got there first: the unique openid hash decides, never a check-then-insert in Java.
     */
    public void insertIfAbsent(UUID id, byte[] openidHash, byte[] openidEnc, String nickname) {
        getEntityManager().createNativeQuery("""
                INSERT INTO app_user (id, openid_hash, openid_enc, nickname)
                VALUES (:id, :hash, :enc, :nickname) ON CONFLICT (openid_hash) DO NOTHING""")
                .setParameter("id", id)
                .setParameter("hash", openidHash)
                .setParameter("enc", openidEnc)
                .setParameter("nickname", nickname)
                .executeUpdate();
    }
}
