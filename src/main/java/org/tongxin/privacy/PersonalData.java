package org.tongxin.privacy;

import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.tongxin.common.SqlRows;

/**
 * What a feature keeps about people, in one place (docs/privacy.md): what goes into a person's copy
 * (GET /api/me/data), what their erasure does (DELETE /api/me), and what a stand-down purges and
 * keeps. Every feature above privacy that keeps personal data implements it next to its tables;
 * privacy calls them all and knows none of them. The copy and the erasure run in the request's
 * transaction; a purge step in the purge batch's.
 */
public interface PersonalData {

    /**
     * Adds this feature's sections to the person's copy, sealed values opened for them. A person
     * reading their own data (and their household's) is not recorded in the audit.
     */
    void export(DataSubject who, PersonalCopy copy);

    /**
     * Erases or anonymises what this feature keeps about the person, after their roles were taken
     * away (each feature undid what a role allowed then) and before their account row is scrubbed.
     * Called once per person: the erasure holds the account's row lock, and an account erased
     * already is not erased again. Nothing by default: what the feature keeps of a person goes
     * with their roles, or is their household's.
     */
    default void erase(DataSubject who) {
    }

    /** This feature's stand-down purge steps, in the order they run. */
    List<Step> purgeSteps();

    /** The aggregates this feature keeps after a purge of the scope (counts per community and day), for the dry run. */
    default List<Kept> kept(PurgeScope scope) {
        return List.of();
    }

    /**
     * One kind of personal data a stand-down erases. {@code remaining}: how many rows of the scope
     * still hold it, per community (the dry run, and the purge's own last check). {@code purge}:
     * erases it from at most {@code limit} rows of the scope, in the caller's transaction, skipping
     * rows others hold locked (a later batch takes them), and answers how many rows it erased; rows
     * erased once are not found again, so a batch repeated after a crash finds only what is left.
     */
    record Step(String name, AuditKind kind, Function<PurgeScope, List<Count>> remaining,
                BiFunction<PurgeScope, Integer, Integer> purge) {}

    /** A count of one community. */
    record Count(UUID communityId, long count) {}

    /** An aggregate a stand-down keeps: {@code what} (ORDERS, SHIFTS_SERVED, CARE_REQUESTS, ...), per community and day. */
    record Kept(String what, UUID communityId, LocalDate day, long count) {}

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
}
