package org.tongxin.rounds;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tongxin.common.SqlRows;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;

/** The people of households, as testing knows them. */
@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<HouseholdMember, UUID> {

    long countIn(UUID householdId) {
        return count("place.householdId", householdId);
    }

    List<HouseholdMember> ofHouseholds(Collection<UUID> householdIds) {
        return householdIds.isEmpty() ? List.of() : list("place.householdId in ?1 order by addedAt, id", householdIds);
    }

    List<HouseholdMember> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    void setTestingCode(UUID memberId, byte[] sealed, OffsetDateTime at) {
        getEntityManager().createNativeQuery("UPDATE household_member SET testing_code_enc = :code, code_updated_at = :at WHERE id = :id")
                .setParameter("code", sealed).setParameter("at", at).setParameter("id", memberId).executeUpdate();
    }

    /** A person's part in one testing round, for their household's copy of its data. */
    @RegisterForReflection
    public record RoundCopy(UUID roundId, LocalDate date, OffsetDateTime arrivedAt, OffsetDateTime sampledAt, boolean atHome,
                            String skipReason, OffsetDateTime skippedAt) {}

    /** Each member of the household's part in every round that tested them, by member, rounds oldest first. */
    Map<UUID, List<RoundCopy>> roundsOf(UUID householdId) {
        Map<UUID, List<RoundCopy>> byMember = new HashMap<>();
        SqlRows.tuples(getEntityManager().createNativeQuery("""
                SELECT m.member_id, m.round_id, r.round_date, m.arrived_at, m.sampled_at, m.at_home, m.skip_reason, m.skipped_at
                FROM round_member m JOIN testing_round r ON r.id = m.round_id
                WHERE m.household_id = :h ORDER BY r.round_date, m.round_id""", Tuple.class).setParameter("h", householdId))
                .forEach(t -> byMember.computeIfAbsent(t.get("member_id", UUID.class), k -> new ArrayList<>()).add(new RoundCopy(
                        t.get("round_id", UUID.class), SqlRows.date(t.get("round_date")), SqlRows.at(t.get("arrived_at")),
                        SqlRows.at(t.get("sampled_at")), Boolean.TRUE.equals(t.get("at_home")), t.get("skip_reason", String.class),
                        SqlRows.at(t.get("skipped_at")))));
        return byMember;
    }

    /** People of the scope who still have a name or a testing code, per community (a stand-down's dry run). */
    List<PersonalData.Count> namedIn(PurgeScope scope) {
        return PersonalData.counts(scope.bind(getEntityManager().createNativeQuery("SELECT community_id, count(*) AS n"
                + " FROM household_member WHERE " + scope.where("street_id")
                + " AND (name_enc IS NOT NULL OR testing_code_enc IS NOT NULL) GROUP BY community_id", Tuple.class)));
    }

    /** Removes names and testing codes of up to {@code limit} people of the scope (a stand-down's purge); answers how many. */
    int purgeNames(PurgeScope scope, int limit) {
        return scope.bind(getEntityManager().createNativeQuery("""
                UPDATE household_member SET name_enc = NULL, testing_code_enc = NULL, code_updated_at = NULL
                WHERE id IN (SELECT id FROM household_member WHERE %s AND (name_enc IS NOT NULL OR testing_code_enc IS NOT NULL)
                             LIMIT :n FOR UPDATE SKIP LOCKED)""".formatted(scope.where("street_id"))))
                .setParameter("n", limit).executeUpdate();
    }

    /** People sampled in the scope's rounds per community and round day: what a stand-down keeps. */
    List<PersonalData.Kept> sampledPerDay(PurgeScope scope, java.time.ZoneId zone) {
        return PersonalData.kept("PEOPLE_SAMPLED", scope.bind(getEntityManager().createNativeQuery("""
                SELECT r.community_id, r.round_date AS day, count(*) AS n FROM round_member m JOIN testing_round r ON r.id = m.round_id
                WHERE m.sampled_at IS NOT NULL AND %s GROUP BY 1, 2 ORDER BY 1, 2""".formatted(scope.where("r.street_id")),
                Tuple.class)));
    }
}
