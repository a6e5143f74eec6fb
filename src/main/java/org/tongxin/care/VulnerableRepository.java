package org.tongxin.care;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;

/** The vulnerable-person register. */
@ApplicationScoped
public class VulnerableRepository implements PanacheRepositoryBase<VulnerablePerson, UUID> {

    /** The community's entries within {@code reach}, oldest first. */
    public PanacheQuery<VulnerablePerson> ofCommunity(UUID communityId, ScopeGuard.Reach reach) {
        return reach.whole() ? find("place.communityId = ?1 order by recordedAt, id", communityId)
                : find("place.communityId = ?1 and place.gridId in ?2 order by recordedAt, id", communityId, reach.grids());
    }

    /** Register entries of the scope, per community (a stand-down's dry run). */
    List<PersonalData.Count> entriesIn(PurgeScope scope) {
        return PersonalData.counts(scope.bind(getEntityManager().createNativeQuery("SELECT community_id, count(*) AS n"
                + " FROM vulnerable_person WHERE " + scope.where("street_id") + " GROUP BY community_id", Tuple.class)));
    }

    /** Deletes up to {@code limit} register entries of the scope (a stand-down's purge); answers how many. */
    int purge(PurgeScope scope, int limit) {
        return scope.bind(getEntityManager().createNativeQuery("DELETE FROM vulnerable_person WHERE id IN (SELECT id FROM"
                + " vulnerable_person WHERE " + scope.where("street_id") + " LIMIT :n FOR UPDATE SKIP LOCKED)"))
                .setParameter("n", limit).executeUpdate();
    }
}
