package org.tongxin.privacy;

import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.tongxin.common.SqlRows;

/**
 * What a feature erases when a street or the district stands down, and what it keeps (docs/privacy.md).
 * Every feature above privacy that keeps personal data implements it next to its tables; the purge
 * job runs every feature's steps, and the dry run counts them, without knowing any feature.
 */
public interface Retention {

    /** This feature's purge steps, in the order they run. */
    List<Step> purgeSteps();

    /** The aggregates this feature keeps after a purge of the scope (counts per community and day), for the dry run. */
    List<Kept> kept(PurgeScope scope);

    /**
     * One kind of personal data to erase. {@code remaining}: how many rows of the scope still hold it,
     * per community (the dry run, and the purge's own last check). {@code purge}: erases it from at
     * most {@code limit} rows of the scope, in the caller's transaction, skipping rows others hold
     * locked (a later batch takes them), and answers how many rows it erased; rows erased once are
     * not found again, so a batch repeated after a crash finds only what is left.
     */
    record Step(String name, AuditKind kind, Function<PurgeScope, List<Count>> remaining,
                BiFunction<PurgeScope, Integer, Integer> purge) {}

    /** The rows of a native count created with {@code Tuple.class}, selecting {@code community_id} and {@code n}. */
    static List<Count> counts(Query query) {
        return SqlRows.tuples(query).stream().map(t -> new Count(t.get("community_id", UUID.class), SqlRows.integer(t, "n")))
                .toList();
    }

    /** The rows of a native count created with {@code Tuple.class}, selecting {@code community_id}, {@code day} and {@code n}. */
    static List<Kept> kept(String what, Query query) {
        return SqlRows.tuples(query).stream().map(t -> new Kept(what, t.get("community_id", UUID.class),
                SqlRows.date(t.get("day")), SqlRows.integer(t, "n"))).toList();
    }

    /** A count of one community (null: rows of no community, e.g. people linked to no household). */
    record Count(UUID communityId, long count) {}

    /** An aggregate kept: {@code what} (ORDERS, SHIFTS_SERVED, CARE_REQUESTS), per community and day. */
    record Kept(String what, UUID communityId, LocalDate day, long count) {}
}
