package org.tongxin.common;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Re-seals one batch of one {@link SealedColumn} in one transaction: the rows after {@code after}
 * (in id order) whose value is not bound and under the current key, locked with SKIP LOCKED so that
 * replicas share the work. A value that cannot be opened is reported once and left as it is.
 */
@ApplicationScoped
class PiiResealer {

    /** What one batch did: rows re-sealed, and the id to go on after (null: the column is done). */
    @RegisterForReflection
    record Batch(int resealed, UUID next) {}

    private final EntityManager em;
    private final PiiCipher pii;

    PiiResealer(EntityManager em, PiiCipher pii) {
        this.em = em;
        this.pii = pii;
    }

    @Transactional
    Batch reseal(SealedColumn column, UUID after, int size) {
        String table = column.table();
        String col = column.column();
        String id = SealedColumn.ID_COLUMN;
        var query = em.createNativeQuery("SELECT " + id + ", " + col + " FROM " + table + " WHERE " + col
                        + " IS NOT NULL AND substring(" + col + " FROM 1 FOR 2) <> :h"
                        + (after != null ? " AND " + id + " > :after" : "")
                        + " ORDER BY " + id + " LIMIT :n FOR UPDATE SKIP LOCKED")
                .setParameter("h", pii.currentHeader()).setParameter("n", size);
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        int resealed = 0;
        UUID last = null;
        for (Object[] row : rows) {
            last = (UUID) row[0];
            try {
                byte[] again = pii.seal(column, last, pii.open(column, last, (byte[]) row[1]));
                resealed += em.createNativeQuery("UPDATE " + table + " SET " + col + " = :v WHERE " + id + " = :id")
                        .setParameter("v", again).setParameter("id", last).executeUpdate();
            } catch (PiiCipher.Unavailable e) {
                pii.report(e);
            }
        }
        return new Batch(resealed, rows.size() < size ? null : last);
    }
}
