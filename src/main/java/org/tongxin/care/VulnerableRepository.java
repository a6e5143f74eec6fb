package org.tongxin.care;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The vulnerable-person register. */
@ApplicationScoped
public class VulnerableRepository implements PanacheRepositoryBase<VulnerablePerson, UUID> {

    public List<VulnerablePerson> ofCommunity(UUID communityId) {
        return list("communityId = ?1 order by recordedAt", communityId);
    }

    /** Entries sealed under another key than the current one, locked for re-sealing. */
    public List<VulnerablePerson> notSealedUnderCurrentKey(byte[] header, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM vulnerable_person
                WHERE substring(name_enc FROM 1 FOR 2) <> :h OR (note_enc IS NOT NULL AND substring(note_enc FROM 1 FOR 2) <> :h)
                LIMIT :n FOR UPDATE SKIP LOCKED""", VulnerablePerson.class)
                .setParameter("h", header).setParameter("n", limit).getResultList();
    }
}
