package org.tongxin.privacy;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tongxin.common.SqlRows;
import org.tongxin.privacy.AuditDtos.ChainHead;
import org.tongxin.privacy.AuditDtos.Verification;

/**
 * The audit trail's table (V30): one INSERT per record, chained by the database's trigger; the
 * district admins' queries; and the walk along the chain, in SQL, in one pass.
 */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditRecord, Long> {

    public void append(OffsetDateTime at, UUID actor, String role, UUID scope, AuditKind kind, AuditAction action,
                       Collection<UUID> subjects, UUID subjectScope, int rows, String requestId) {
        getEntityManager().createNativeQuery("""
                INSERT INTO audit_record (at, actor_id, role, scope_id, kind, action, subject_ids, subject_scope, row_count, request_id)
                VALUES (:at, :actor, :role, :scope, :kind, :action, CAST(:subjects AS uuid[]), :subjectScope, :rows, :request)""")
                .setParameter("at", at).setParameter("actor", actor).setParameter("role", role).setParameter("scope", scope)
                .setParameter("kind", kind.name()).setParameter("action", action.name())
                .setParameter("subjects", subjects.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .setParameter("subjectScope", subjectScope).setParameter("rows", rows).setParameter("request", requestId)
                .executeUpdate();
    }

    /** Records matching every filter given (null: any), oldest first. */
    public PanacheQuery<AuditRecord> matching(UUID actorId, UUID subjectId, AuditKind kind, OffsetDateTime from, OffsetDateTime to) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (actorId != null) {
            where.append(" and actorId = :actor");
            params.and("actor", actorId);
        }
        if (subjectId != null) {
            where.append(" and array_contains(subjectIds, :subject)");
            params.and("subject", subjectId);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (from != null) {
            where.append(" and at >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and at < :to");
            params.and("to", to);
        }
        return find(where + " order by seq", params);
    }

    /**
     * Walks the chains: every record's {@code prev_hash} must be the hash of the record before it in
     * its chain (by seq) and its hash what its fields and that link give. A deleted record breaks
     * the next one's link, an edited one its own hash. One pass over the table.
     */
    public Verification walk() {
        List<Tuple> rows = SqlRows.tuples(getEntityManager().createNativeQuery("""
                WITH links AS (
                    SELECT r.seq, r.chain, r.hash,
                           r.prev_hash IS NOT DISTINCT FROM coalesce(lag(r.hash) OVER (PARTITION BY r.chain ORDER BY r.seq), '\\x'::bytea)
                           AND r.hash = audit_record_digest(r, r.prev_hash) AS sound,
                           row_number() OVER (PARTITION BY r.chain ORDER BY r.seq DESC) AS from_head
                    FROM audit_record r)
                SELECT l.chain, l.seq, encode(l.hash, 'hex') AS hash, (SELECT count(*) FROM links) AS checked,
                       (SELECT min(seq) FROM links WHERE NOT sound) AS first_break
                FROM links l WHERE l.from_head = 1 ORDER BY l.chain""", Tuple.class));
        if (rows.isEmpty()) {
            return new Verification(true, 0, null, null, List.of());
        }
        Tuple first = rows.get(0);
        Long firstBreak = first.get("first_break") == null ? null : ((Number) first.get("first_break")).longValue();
        return new Verification(firstBreak == null, ((Number) first.get("checked")).longValue(),
                firstBreak == null ? null : findById(firstBreak).getAt(), firstBreak,
                rows.stream().map(r -> new ChainHead(((Number) r.get("chain")).intValue(), ((Number) r.get("seq")).longValue(),
                        (String) r.get("hash"))).toList());
    }
}
