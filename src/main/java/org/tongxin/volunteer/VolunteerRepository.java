package org.tongxin.volunteer;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;

/** Applications and volunteers. Decisions are conditional updates, so two staff cannot both decide. */
@ApplicationScoped
public class VolunteerRepository implements PanacheRepositoryBase<Volunteer, UUID> {

    public boolean hasOpenApplication(UUID userId, UUID communityId) {
        return count("userId = ?1 and communityId = ?2 and status in ?3", userId, communityId,
                List.of(Volunteer.Status.PENDING, Volunteer.Status.APPROVED)) > 0;
    }

    /** APPROVED → REVOKED for the person's record in the community; false when there was none. */
    public boolean revoke(UUID userId, UUID communityId, OffsetDateTime at) {
        return update("status = ?1, decidedAt = ?2 where userId = ?3 and communityId = ?4 and status = ?5",
                Volunteer.Status.REVOKED, at, userId, communityId, Volunteer.Status.APPROVED) > 0;
    }

    /** The caller's current record: an open one if any, else the latest rejected one. */
    public Optional<Volunteer> latestOf(UUID userId) {
        return find("userId = ?1 order by case when status in ?2 then 1 else 0 end, createdAt desc",
                userId, List.of(Volunteer.Status.REJECTED, Volunteer.Status.REVOKED)).firstResultOptional();
    }

    /** The id alone (no entity to hydrate): this sits on the claim path. */
    public Optional<UUID> approvedId(UUID userId, UUID communityId) {
        return getEntityManager().createQuery(
                "select v.id from Volunteer v where v.userId = :user and v.communityId = :community and v.status = :approved",
                UUID.class)
                .setParameter("user", userId).setParameter("community", communityId)
                .setParameter("approved", Volunteer.Status.APPROVED)
                .getResultStream().findFirst();
    }

    public PanacheQuery<Volunteer> applications(UUID communityId, Volunteer.Status status) {
        return status == null
                ? find("communityId = ?1 order by createdAt", communityId)
                : find("communityId = ?1 and status = ?2 order by createdAt", communityId, status);
    }

    public PanacheQuery<Volunteer> directory(UUID communityId, String team, Skill skill) {
        StringBuilder q = new StringBuilder("communityId = :community and status = :approved");
        Parameters p = Parameters.with("community", communityId).and("approved", Volunteer.Status.APPROVED);
        if (team != null) {
            q.append(" and team = :team");
            p = p.and("team", team);
        }
        if (skill != null) {
            q.append(" and array_contains(skills, :skill)");
            p = p.and("skill", skill.name());
        }
        // Names are sealed, so the database cannot sort by them: longest-serving volunteers first.
        return find(q.append(" order by decidedAt, id").toString(), p);
    }

    /** PENDING → APPROVED; false when it was no longer pending. */
    public boolean approve(UUID id, String team, UUID decidedBy, OffsetDateTime at) {
        return update("status = ?1, team = ?2, decidedBy = ?3, decidedAt = ?4 where id = ?5 and status = ?6",
                Volunteer.Status.APPROVED, team, decidedBy, at, id, Volunteer.Status.PENDING) == 1;
    }

    /** PENDING → REJECTED with a reason; false when it was no longer pending. */
    public boolean reject(UUID id, String reason, UUID decidedBy, OffsetDateTime at) {
        return update("status = ?1, rejectReason = ?2, decidedBy = ?3, decidedAt = ?4 where id = ?5 and status = ?6",
                Volunteer.Status.REJECTED, reason, decidedBy, at, id, Volunteer.Status.PENDING) == 1;
    }

    /** Rows written before volunteers' personal data was sealed, still in the clear; locked, skipping locked rows. */
    @SuppressWarnings("unchecked")
    public List<Volunteer> stillPlain(int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM volunteer WHERE name IS NOT NULL OR availability IS NOT NULL OR note IS NOT NULL
                LIMIT :n FOR UPDATE SKIP LOCKED""", Volunteer.class)
                .setParameter("n", limit).getResultList();
    }

    public List<Volunteer> byIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** The record as the database has it now, after a conditional update changed its row. */
    public Volunteer reloaded(Volunteer v) {
        getEntityManager().refresh(v);
        return v;
    }

    public void addServiceMinutes(UUID id, int minutes) {
        update("serviceMinutes = serviceMinutes + ?1 where id = ?2", minutes, id);
    }

    private static final String IN_SCOPE = " FROM volunteer v JOIN community c ON c.id = v.community_id WHERE v.purged_at IS NULL AND ";

    /** Volunteer records of the scope not purged yet, per community (a stand-down's dry run). */
    List<PersonalData.Count> unpurgedIn(PurgeScope scope) {
        return PersonalData.counts(scope.bind(getEntityManager().createNativeQuery("SELECT c.id AS community_id, count(*) AS n"
                + IN_SCOPE + scope.where("c.street_id") + " GROUP BY c.id", Tuple.class)));
    }

    /** Purges up to {@code limit} volunteer records of the scope (a stand-down); answers how many. */
    int purge(PurgeScope scope, int limit, OffsetDateTime now) {
        return scope.bind(getEntityManager().createNativeQuery("""
                UPDATE volunteer SET name = NULL, name_enc = NULL, availability = NULL, availability_enc = NULL, note = NULL,
                    note_enc = NULL, reject_reason = NULL, party_member = false, purged_at = :now
                WHERE id IN (SELECT v.id%s LIMIT :n FOR UPDATE OF v SKIP LOCKED)""".formatted(IN_SCOPE + scope.where("c.street_id"))))
                .setParameter("n", limit).setParameter("now", now).executeUpdate();
    }
}
