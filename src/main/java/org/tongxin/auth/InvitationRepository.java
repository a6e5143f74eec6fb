package org.tongxin.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Invitations and their acceptances; every counter change is one conditional statement. */
@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public Optional<Invitation> findByCodeHash(byte[] hash) {
        return find("codeHash", (Object) hash).firstResultOptional();
    }

    /** Records that the user accepted; false when they already had (the primary key decides). */
    public boolean recordAcceptance(UUID invitationId, UUID userId) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO invitation_acceptance (invitation_id, user_id) VALUES (:inv, :user)
                ON CONFLICT DO NOTHING""")
                .setParameter("inv", invitationId)
                .setParameter("user", userId)
                .executeUpdate() == 1;
    }

    /**
     * Takes one use if one is left and the invitation has not expired at {@code now}. The row lock
     * serialises concurrent accepts, so N parallel accepts of a one-use code yield exactly one success.
     */
    public boolean takeUse(UUID invitationId, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE invitation SET used_count = used_count + 1
                WHERE id = :id AND used_count < max_uses AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
                .setParameter("id", invitationId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    public void revoke(UUID id, UUID by, OffsetDateTime at) {
        update("revokedAt = ?1, revokedBy = ?2 where id = ?3 and revokedAt is null", at, by, id);
    }

    /** The invitation as the database has it now, after a conditional update changed its row. */
    public Invitation reloaded(Invitation inv) {
        getEntityManager().refresh(inv);
        return inv;
    }

    /** Creates the bootstrap invitation unless it exists; replicas starting together create it once. */
    public void insertIfAbsent(byte[] codeHash, Role role, int maxUses) {
        getEntityManager().createNativeQuery("""
                INSERT INTO invitation (id, code_hash, role, max_uses) VALUES (:id, :hash, :role, :max)
                ON CONFLICT (code_hash) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("hash", codeHash)
                .setParameter("role", role.name())
                .setParameter("max", maxUses)
                .executeUpdate();
    }
}
