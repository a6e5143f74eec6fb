package org.tongxin.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Users by id or by the keyed hash of their openid. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserAccount, UUID> {

    public Optional<UserAccount> findByOpenidHash(byte[] hash) {
        return find("openidHash", (Object) hash).firstResultOptional();
    }

    /**
     * Creates the user of a first login, or does nothing when a parallel login of the same person
     * got there first: the unique openid hash decides, never a check-then-insert in Java.
     */
    public void insertIfAbsent(byte[] openidHash, byte[] openidEnc, String nickname) {
        getEntityManager().createNativeQuery("""
                INSERT INTO app_user (id, openid_hash, openid_enc, nickname)
                VALUES (:id, :hash, :enc, :nickname) ON CONFLICT (openid_hash) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("hash", openidHash)
                .setParameter("enc", openidEnc)
                .setParameter("nickname", nickname)
                .executeUpdate();
    }
}
