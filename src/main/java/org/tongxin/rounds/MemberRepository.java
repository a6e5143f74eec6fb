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
}
