package org.tongxin.rounds;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;

/**
 * Who looks after which household. Every change first takes the household's transaction-scoped
 * advisory lock, so two changes of one household run one after the other; the volunteer's count
 * ({@code caretaker_load}) is raised by a conditional upsert that refuses the one over the cap.
 */
@ApplicationScoped
public class CaretakerRepository implements PanacheRepositoryBase<HouseholdCaretaker, UUID> {

    /** Serialises changes of one household's members and caretaker until the transaction ends. */
    void lockHousehold(UUID householdId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(cast(:h AS text), 21))")
                .setParameter("h", householdId).getSingleResult();
    }

    Optional<HouseholdCaretaker> of(UUID householdId) {
        return findByIdOptional(householdId);
    }

    /** One more household for the volunteer, unless they already have {@code cap}: false then. */
    boolean takeLoad(UUID volunteerId, int cap) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO caretaker_load AS l (volunteer_id, households) SELECT :v, 1 WHERE :cap >= 1
                ON CONFLICT (volunteer_id) DO UPDATE SET households = l.households + 1 WHERE l.households < :cap""")
                .setParameter("v", volunteerId).setParameter("cap", cap).executeUpdate() == 1;
    }

    void assign(UUID householdId, UUID volunteerId, UUID userId, UUID communityId, UUID by, OffsetDateTime at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO household_caretaker (household_id, volunteer_id, user_id, community_id, assigned_by, assigned_at)
                VALUES (:h, :v, :u, :c, :by, :at)""")
                .setParameter("h", householdId).setParameter("v", volunteerId).setParameter("u", userId)
                .setParameter("c", communityId).setParameter("by", by).setParameter("at", at).executeUpdate();
    }

    /** Removes the household's caretaker and gives the volunteer's count back; false when it had none. */
    boolean unassign(UUID householdId) {
        List<?> freed = getEntityManager().createNativeQuery(
                "DELETE FROM household_caretaker WHERE household_id = :h RETURNING volunteer_id")
                .setParameter("h", householdId).getResultList();
        freed.forEach(v -> getEntityManager().createNativeQuery(
                "UPDATE caretaker_load SET households = households - 1 WHERE volunteer_id = :v AND households > 0")
                .setParameter("v", v).executeUpdate());
        return !freed.isEmpty();
    }

    /** Frees every household a person looks after in a community (their volunteer role was revoked). */
    int freeAll(UUID userId, UUID communityId) {
        List<?> volunteers = getEntityManager().createNativeQuery("""
                DELETE FROM household_caretaker WHERE user_id = :u AND community_id = :c RETURNING volunteer_id""")
                .setParameter("u", userId).setParameter("c", communityId).getResultList();
        if (!volunteers.isEmpty()) {
            getEntityManager().createNativeQuery("""
                    UPDATE caretaker_load l SET households = (SELECT count(*) FROM household_caretaker k WHERE k.volunteer_id = l.volunteer_id)
                    WHERE l.volunteer_id IN (:vs)""").setParameter("vs", volunteers.stream().distinct().toList()).executeUpdate();
        }
        return volunteers.size();
    }

    /** The households a person looks after, by building and room order of their ids (stable pages). */
    PanacheQuery<HouseholdCaretaker> lookedAfterBy(UUID userId) {
        return find("userId = ?1 order by householdId", userId);
    }

    boolean looksAfter(UUID userId, UUID householdId) {
        return count("userId = ?1 and householdId = ?2", userId, householdId) > 0;
    }

    /** A household the person looks after (包户), for their copy of their data. */
    @RegisterForReflection
    public record LookedAfter(UUID householdId, UUID communityId, OffsetDateTime assignedAt) {}

    List<LookedAfter> copiesFor(UUID userId) {
        return getEntityManager().createQuery("""
                select c.householdId, c.communityId, c.assignedAt from HouseholdCaretaker c where c.userId = :u
                order by c.assignedAt""", LookedAfter.class).setParameter("u", userId).getResultList();
    }

    private static final String IN_SCOPE = " FROM household_caretaker hc JOIN community c ON c.id = hc.community_id WHERE ";

    /** Households of the scope with a caretaker, per community (a stand-down's dry run). */
    List<PersonalData.Count> assignedIn(PurgeScope scope) {
        return PersonalData.counts(scope.bind(getEntityManager().createNativeQuery("SELECT c.id AS community_id, count(*) AS n"
                + IN_SCOPE + scope.where("c.street_id") + " GROUP BY c.id", Tuple.class)));
    }

    /** Ends up to {@code limit} caretaker assignments of the scope, their volunteers' counts given back; answers how many. */
    int purge(PurgeScope scope, int limit) {
        List<?> freed = scope.bind(getEntityManager().createNativeQuery("""
                DELETE FROM household_caretaker WHERE household_id IN (SELECT hc.household_id%s LIMIT :n FOR UPDATE OF hc SKIP LOCKED)
                RETURNING volunteer_id""".formatted(IN_SCOPE + scope.where("c.street_id")))).setParameter("n", limit).getResultList();
        freed.forEach(v -> getEntityManager().createNativeQuery(
                "UPDATE caretaker_load SET households = households - 1 WHERE volunteer_id = :v AND households > 0")
                .setParameter("v", v).executeUpdate());
        return freed.size();
    }
}
