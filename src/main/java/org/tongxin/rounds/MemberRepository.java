package org.tongxin.rounds;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

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
}
