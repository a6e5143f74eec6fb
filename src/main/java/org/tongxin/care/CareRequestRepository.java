package org.tongxin.care;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.SqlRows;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;

/** Care requests. Every state change is one conditional update: false when the request is not in the state it needs. */
@ApplicationScoped
public class CareRequestRepository implements PanacheRepositoryBase<CareRequest, UUID> {

    /** Statuses of a request still to be carried out. */
    private static final String OPEN_STATUSES = "'SUBMITTED', 'TRIAGED', 'ASSIGNED', 'ACCEPTED'";

    /** Escalated first, then by priority (P1 first, none last), registered households first, oldest first. */
    static final String ORDER = " order by escalated desc, priority asc nulls last, registered desc, createdAt asc";

    public boolean triage(UUID id, CareRequest.Priority priority, OffsetDateTime now) {
        return changed("""
                UPDATE care_request SET status = 'TRIAGED', priority = :p, triaged_at = :now WHERE id = :id AND status = 'SUBMITTED'""",
                Parameters.with("p", priority.name()).and("now", now).and("id", id));
    }

    public boolean assign(UUID id, UUID assignee, OffsetDateTime now) {
        return changed("""
                UPDATE care_request SET status = 'ASSIGNED', assignee_id = :a, assigned_at = :now WHERE id = :id AND status = 'TRIAGED'""",
                Parameters.with("a", assignee).and("now", now).and("id", id));
    }

    public boolean accept(UUID id, UUID assignee, OffsetDateTime now) {
        return changed("""
                UPDATE care_request SET status = 'ACCEPTED', accepted_at = :now
                WHERE id = :id AND status = 'ASSIGNED' AND assignee_id = :a""",
                Parameters.with("a", assignee).and("now", now).and("id", id));
    }

    public boolean complete(UUID id, UUID assignee, byte[] noteEnc, OffsetDateTime now) {
        return changed("""
                UPDATE care_request SET status = 'COMPLETED', completion_note_enc = :note, completed_at = :now
                WHERE id = :id AND status = 'ACCEPTED' AND assignee_id = :a""",
                Parameters.with("a", assignee).and("note", noteEnc).and("now", now).and("id", id));
    }

    public boolean confirm(UUID id, int rating, String comment, OffsetDateTime now) {
        return changed("""
                UPDATE care_request SET status = 'CONFIRMED', rating = :r, comment = :c, confirmed_at = :now
                WHERE id = :id AND status = 'COMPLETED'""",
                Parameters.with("r", rating).and("c", comment == null ? "" : comment).and("now", now).and("id", id));
    }

    /** An assigned or accepted request whose assignee no longer qualifies goes back to TRIAGED, unassigned. */
    public boolean backToTriage(UUID id, UUID assignee) {
        return changed("""
                UPDATE care_request SET status = 'TRIAGED', assignee_id = NULL, assigned_at = NULL, accepted_at = NULL
                WHERE id = :id AND status IN ('ASSIGNED', 'ACCEPTED') AND assignee_id = :a""",
                Parameters.with("a", assignee).and("id", id));
    }

    public boolean cancel(UUID id, OffsetDateTime now) {
        return changed("""
                UPDATE care_request SET status = 'CANCELLED', cancelled_at = :now
                WHERE id = :id AND status IN ('SUBMITTED', 'TRIAGED', 'ASSIGNED')""",
                Parameters.with("now", now).and("id", id));
    }

    /** A request just escalated. */
    @RegisterForReflection
    public record Overdue(UUID id, UUID communityId, String priority) {}

    /**
     * Flags as escalated, once, the P1 requests not accepted since {@code p1Since} and the P2 ones
     * since {@code p2Since} (counted from triage, or from filing for those that came with a priority).
     */
    public List<Overdue> escalateOverdue(OffsetDateTime p1Since, OffsetDateTime p2Since) {
        var query = getEntityManager().createNativeQuery("""
                UPDATE care_request SET escalated = true
                WHERE NOT escalated AND status IN ('SUBMITTED', 'TRIAGED', 'ASSIGNED')
                  AND ((priority = 'P1' AND coalesce(triaged_at, created_at) <= :p1)
                    OR (priority = 'P2' AND coalesce(triaged_at, created_at) <= :p2))
                RETURNING id, community_id, priority""", Tuple.class)
                .setParameter("p1", p1Since).setParameter("p2", p2Since);
        return SqlRows.tuples(query).stream().map(r -> new Overdue(r.get("id", UUID.class), r.get("community_id", UUID.class),
                r.get("priority", String.class))).toList();
    }

    public PanacheQuery<CareRequest> ofHousehold(UUID householdId) {
        return find("place.householdId = ?1 order by createdAt desc, id", householdId);
    }

    /** Open requests (ASSIGNED or ACCEPTED) of the assignee, in the staff list's order. */
    public PanacheQuery<CareRequest> assignedTo(UUID userId) {
        return find("assigneeId = ?1 and status in ?2" + ORDER + ", id", userId,
                List.of(CareRequest.Status.ASSIGNED, CareRequest.Status.ACCEPTED));
    }

    /**
     * The community's requests within {@code reach} (its grids the caller works in, or all), with
     * the optional filters, in the staff list's order: the page is cut in SQL.
     */
    public PanacheQuery<CareRequest> ofCommunity(UUID communityId, ScopeGuard.Reach reach, CareRequest.Status status,
                                                 CareRequest.Priority priority, CareRequest.Type type, Boolean escalated) {
        StringBuilder where = new StringBuilder("place.communityId = :c");
        Parameters params = Parameters.with("c", communityId);
        if (!reach.whole()) {
            where.append(" and place.gridId in :grids");
            params.and("grids", reach.grids());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (priority != null) {
            where.append(" and priority = :priority");
            params.and("priority", priority);
        }
        if (type != null) {
            where.append(" and type = :type");
            params.and("type", type);
        }
        if (escalated != null) {
            where.append(" and escalated = :escalated");
            params.and("escalated", escalated);
        }
        return find(where + ORDER + ", id", params);
    }

    /** How many of the community's requests within {@code reach} are in each status (statuses without any left out). */
    public List<CareDtos.StatusCount> countByStatus(UUID communityId, ScopeGuard.Reach reach) {
        var query = getEntityManager().createQuery("select r.status, count(r) from CareRequest r where r.place.communityId = :c"
                + (reach.whole() ? "" : " and r.place.gridId in :grids") + " group by r.status order by r.status",
                CareDtos.StatusCount.class).setParameter("c", communityId);
        if (!reach.whole()) {
            query.setParameter("grids", reach.grids());
        }
        return query.getResultList();
    }

    /** The household's requests and those the person filed anywhere, oldest first ({@code householdId} may be null). */
    public List<CareRequest> filedByOrFor(UUID userId, UUID householdId) {
        return householdId == null ? list("filedBy = ?1 order by createdAt, id", userId)
                : list("filedBy = ?1 or place.householdId = ?2 order by createdAt, id", userId, householdId);
    }

    /**
     * A person's erasure: each request they filed loses its texts, and one still open is cancelled;
     * except the open requests of {@code keepOpenOf} (their household, where others still live),
     * which stay whole. A request that was erased once has nothing left to lose.
     */
    public void eraseFiledBy(UUID userId, UUID keepOpenOf, OffsetDateTime now) {
        var query = getEntityManager().createNativeQuery("""
                UPDATE care_request SET description_enc = NULL, completion_note_enc = NULL, comment = NULL,
                    cancelled_at = CASE WHEN status IN (%1$s) THEN :now ELSE cancelled_at END,
                    status = CASE WHEN status IN (%1$s) THEN 'CANCELLED' ELSE status END
                WHERE filed_by = :u AND (description_enc IS NOT NULL OR completion_note_enc IS NOT NULL OR comment IS NOT NULL
                                         OR status IN (%1$s))""".formatted(OPEN_STATUSES)
                + (keepOpenOf == null ? "" : " AND NOT (household_id = :keep AND status IN (" + OPEN_STATUSES + "))"))
                .setParameter("u", userId).setParameter("now", now);
        if (keepOpenOf != null) {
            query.setParameter("keep", keepOpenOf);
        }
        query.executeUpdate();
    }

    private static final String HAS_TEXT = " AND (description_enc IS NOT NULL OR completion_note_enc IS NOT NULL OR comment IS NOT NULL)";

    /** Requests of the scope that still hold a text, per community (a stand-down's dry run). */
    List<PersonalData.Count> textsIn(PurgeScope scope) {
        return PersonalData.counts(scope.bind(getEntityManager().createNativeQuery("SELECT community_id, count(*) AS n"
                + " FROM care_request WHERE " + scope.where("street_id") + HAS_TEXT + " GROUP BY community_id", Tuple.class)));
    }

    /** Removes the texts of up to {@code limit} requests of the scope (a stand-down's purge); answers how many. */
    int purgeTexts(PurgeScope scope, int limit) {
        return scope.bind(getEntityManager().createNativeQuery("""
                UPDATE care_request SET description_enc = NULL, completion_note_enc = NULL, comment = NULL
                WHERE id IN (SELECT id FROM care_request WHERE %s LIMIT :n FOR UPDATE SKIP LOCKED)"""
                .formatted(scope.where("street_id") + HAS_TEXT))).setParameter("n", limit).executeUpdate();
    }

    /** Requests of the scope per community and day (in {@code zone}): what a stand-down keeps. */
    List<PersonalData.Kept> perDay(PurgeScope scope, java.time.ZoneId zone) {
        return PersonalData.kept("CARE_REQUESTS", scope.bind(getEntityManager().createNativeQuery("""
                SELECT community_id, CAST(created_at AT TIME ZONE :zone AS date) AS day, count(*) AS n FROM care_request
                WHERE %s GROUP BY 1, 2 ORDER BY 1, 2""".formatted(scope.where("street_id")), Tuple.class))
                .setParameter("zone", zone.getId()));
    }

    /** The request as the database has it now (after a conditional update). */
    public CareRequest reloaded(CareRequest request) {
        getEntityManager().refresh(request);
        return request;
    }

    private boolean changed(String sql, Parameters params) {
        var query = getEntityManager().createNativeQuery(sql);
        params.map().forEach(query::setParameter);
        return query.executeUpdate() == 1;
    }
}
