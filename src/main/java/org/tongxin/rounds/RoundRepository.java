package org.tongxin.rounds;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.common.SqlRows;

/**
 * Rounds, sites, call groups and each person's state in a round. Every change of a site's counts
 * locks the site's row (the conditional UPDATE, or {@code call_next_group}'s FOR UPDATE) after the
 * people's rows, in that order everywhere, so they run one after another on any replica without
 * deadlocks; the conditions are in the statements, not in Java.
 */
@ApplicationScoped
public class RoundRepository implements PanacheRepositoryBase<TestingRound, UUID> {

    /** A site and its counts. */
    @RegisterForReflection
    public record SiteRow(UUID id, int seq, String name, String place, int cap, int callNextAt, int onSite, int expected,
                          boolean paused) {}

    /** A call group of a site. */
    @RegisterForReflection
    public record GroupRow(UUID id, UUID siteId, int seq, UUID gridId, int people, String label, OffsetDateTime calledAt) {}

    /** What {@code call_next_group} did: the group it called, or why none. */
    @RegisterForReflection
    public record Called(UUID groupId, int seq, UUID gridId, int people, String label, String refused) {}

    /** A person's state in a round. */
    @RegisterForReflection
    public record MemberState(UUID memberId, UUID householdId, UUID siteId, boolean arrived, boolean sampled, String skipReason) {}

    /** People per household of some grids, to cut into call groups. */
    @RegisterForReflection
    public record HouseholdPeople(UUID householdId, UUID gridId, int people) {}

    /** One line of the coverage: a grid or a building, with its counts. */
    @RegisterForReflection
    public record CoverageCount(UUID id, long residents, long sampled, long skipped) {}

    /**
     * The round as the database has it now, read by one plain statement and not tracked by Hibernate:
     * every scan starts with it (the scope check and the status), and its status is changed by
     * statements, not through the entity.
     */
    Optional<TestingRound> header(UUID roundId) {
        return SqlRows.tuples(native_("SELECT street_id, community_id, round_date, status FROM testing_round WHERE id = :id", Tuple.class)
                .setParameter("id", roundId)).stream().map(r -> new TestingRound(roundId, r.get("street_id", UUID.class),
                        r.get("community_id", UUID.class), r.get("round_date", LocalDate.class),
                        TestingRound.Status.valueOf(r.get("status", String.class)))).findFirst();
    }

    /** A round and one of its sites (empty when the round has no such site), read together for a station's scan. */
    @RegisterForReflection
    public record StationSite(TestingRound round, Optional<SiteRow> site) {}

    /** The round's header and its site {@code siteId}, in one plain statement: the first of a station scan's two. */
    Optional<StationSite> stationSite(UUID roundId, UUID siteId) {
        return SqlRows.tuples(native_("""
                SELECT r.street_id, r.community_id, r.round_date, r.status,
                       s.id, s.seq, s.name, s.place, s.cap, s.call_next_at, s.on_site, s.expected, s.paused
                FROM testing_round r LEFT JOIN testing_site s ON s.round_id = r.id AND s.id = :site
                WHERE r.id = :round""", Tuple.class).setParameter("round", roundId).setParameter("site", siteId)).stream()
                .map(r -> new StationSite(new TestingRound(roundId, r.get("street_id", UUID.class), r.get("community_id", UUID.class),
                        r.get("round_date", LocalDate.class), TestingRound.Status.valueOf(r.get("status", String.class))),
                        r.get("id", UUID.class) == null ? Optional.empty() : Optional.of(site(r)))).findFirst();
    }

    boolean exists(UUID communityId, LocalDate date) {
        return count("communityId = ?1 and date = ?2", communityId, date) > 0;
    }

    void insertRound(UUID id, UUID streetId, UUID communityId, LocalDate date, UUID by, OffsetDateTime at) {
        native_("""
                INSERT INTO testing_round (id, street_id, community_id, round_date, status, created_by, created_at)
                VALUES (:id, :street, :community, :date, 'PLANNED', :by, :at)""")
                .setParameter("id", id).setParameter("street", streetId).setParameter("community", communityId)
                .setParameter("date", date).setParameter("by", by).setParameter("at", at).executeUpdate();
    }

    void insertSite(UUID id, UUID roundId, int seq, String name, String place, int cap, int callNextAt) {
        native_("""
                INSERT INTO testing_site (id, round_id, seq, name, place, cap, call_next_at)
                VALUES (:id, :round, :seq, :name, :place, :cap, :next)""")
                .setParameter("id", id).setParameter("round", roundId).setParameter("seq", seq).setParameter("name", name)
                .setParameter("place", place).setParameter("cap", cap).setParameter("next", callNextAt).executeUpdate();
    }

    void insertGroup(UUID id, UUID roundId, UUID siteId, int seq, UUID gridId, int people, String label, Collection<UUID> households) {
        native_("""
                INSERT INTO call_group (id, round_id, site_id, seq, grid_id, people, label)
                VALUES (:id, :round, :site, :seq, :grid, :people, :label)""")
                .setParameter("id", id).setParameter("round", roundId).setParameter("site", siteId).setParameter("seq", seq)
                .setParameter("grid", gridId).setParameter("people", people).setParameter("label", label).executeUpdate();
        native_("""
                INSERT INTO call_group_household (round_id, household_id, group_id)
                SELECT :round, h, :group FROM unnest(cast(:households AS uuid[])) AS h""")
                .setParameter("round", roundId).setParameter("group", id).setParameter("households", uuidArray(households))
                .executeUpdate();
    }

    /** Everyone of the round's households takes part: one row each. */
    void enrol(UUID roundId) {
        native_("""
                INSERT INTO round_member (round_id, member_id, household_id, grid_id, building_id)
                SELECT :round, m.id, m.household_id, m.grid_id, m.building_id
                FROM household_member m JOIN call_group_household h ON h.household_id = m.household_id AND h.round_id = :round""")
                .setParameter("round", roundId).executeUpdate();
    }

    List<HouseholdPeople> householdPeople(Collection<UUID> gridIds) {
        return SqlRows.tuples(native_("""
                SELECT household_id, grid_id, count(*) AS people FROM household_member
                WHERE grid_id IN (:grids) GROUP BY household_id, grid_id""", Tuple.class).setParameter("grids", gridIds))
                .stream().map(r -> new HouseholdPeople(r.get("household_id", UUID.class), r.get("grid_id", UUID.class),
                        SqlRows.integer(r, "people"))).toList();
    }

    boolean start(UUID roundId, OffsetDateTime at) {
        return native_("UPDATE testing_round SET status = 'RUNNING', started_at = :at WHERE id = :id AND status = 'PLANNED'")
                .setParameter("at", at).setParameter("id", roundId).executeUpdate() == 1;
    }

    List<SiteRow> sites(UUID roundId) {
        return SqlRows.tuples(native_("""
                SELECT id, seq, name, place, cap, call_next_at, on_site, expected, paused FROM testing_site
                WHERE round_id = :round ORDER BY seq""", Tuple.class).setParameter("round", roundId)).stream()
                .map(RoundRepository::site).toList();
    }

    List<GroupRow> groups(UUID roundId) {
        return SqlRows.tuples(native_("""
                SELECT id, site_id, seq, grid_id, people, label, called_at FROM call_group WHERE round_id = :round
                ORDER BY site_id, seq""", Tuple.class).setParameter("round", roundId)).stream().map(RoundRepository::group).toList();
    }

    Optional<GroupRow> groupOf(UUID roundId, UUID householdId) {
        return SqlRows.tuples(native_("""
                SELECT g.id, g.site_id, g.seq, g.grid_id, g.people, g.label, g.called_at FROM call_group g
                JOIN call_group_household h ON h.group_id = g.id WHERE h.round_id = :round AND h.household_id = :household""",
                Tuple.class).setParameter("round", roundId).setParameter("household", householdId))
                .stream().map(RoundRepository::group).findFirst();
    }

    List<UUID> householdsOf(UUID groupId) {
        return native_("SELECT household_id FROM call_group_household WHERE group_id = :g", UUID.class)
                .setParameter("g", groupId).getResultList().stream().map(UUID.class::cast).toList();
    }

    /** Calls the site's next group ({@code call_next_group}, V26) in this transaction. */
    Called callNext(UUID siteId, OffsetDateTime at, UUID by, boolean manual) {
        Tuple r = (Tuple) native_("SELECT * FROM call_next_group(:site, :at, :by, :manual)", Tuple.class)
                .setParameter("site", siteId).setParameter("at", at).setParameter("by", by).setParameter("manual", manual)
                .getSingleResult();
        return new Called(r.get("group_id", UUID.class), r.get("seq") == null ? 0 : SqlRows.integer(r, "seq"),
                r.get("grid_id", UUID.class), r.get("people") == null ? 0 : SqlRows.integer(r, "people"),
                r.get("label", String.class), r.get("refused", String.class));
    }

    List<MemberState> states(UUID roundId, Collection<UUID> memberIds) {
        return SqlRows.tuples(native_("""
                SELECT member_id, household_id, site_id, arrived_at IS NOT NULL AS arrived, sampled_at IS NOT NULL AS sampled,
                       skip_reason FROM round_member WHERE round_id = :round AND member_id IN (:members)""", Tuple.class)
                .setParameter("round", roundId).setParameter("members", memberIds)).stream()
                .map(r -> new MemberState(r.get("member_id", UUID.class), r.get("household_id", UUID.class),
                        r.get("site_id", UUID.class), r.get("arrived", Boolean.class), r.get("sampled", Boolean.class),
                        r.get("skip_reason", String.class))).toList();
    }

    /** Marks those of {@code memberIds} who had not arrived, been sampled or skipped as arrived at the site: how many. */
    /** What {@code arrive_at_site} did: why nothing (a {@link RoundsError} name), or how many arrived and the count on site. */
    @RegisterForReflection
    public record Arrived(String refused, int arrived, int onSite) {}

    /**
     * A household's people arrive at a site ({@code arrive_at_site}, V29): those of {@code memberIds}
     * (null: all of them) not arrived, sampled or skipped, unless the site would pass its cap; one statement.
     * When it answers a refusal, the caller must roll back (on SITE_FULL the people's rows were updated).
     */
    Arrived arriveAtSite(UUID roundId, UUID siteId, UUID householdId, Collection<UUID> memberIds, OffsetDateTime at) {
        Tuple r = (Tuple) native_("SELECT * FROM arrive_at_site(:round, :site, :household, cast(:members AS uuid[]), :at)", Tuple.class)
                .setParameter("round", roundId).setParameter("site", siteId).setParameter("household", householdId)
                .setParameter("members", memberIds == null ? null : uuidArray(memberIds)).setParameter("at", at).getSingleResult();
        return new Arrived(r.get("refused", String.class), r.get("arrived") == null ? 0 : SqlRows.integer(r, "arrived"),
                r.get("on_site") == null ? 0 : SqlRows.integer(r, "on_site"));
    }

    /** What {@code leave_site} did: the count on site after it, and the group it called (null: none). */
    @RegisterForReflection
    public record Left(int onSite, Called called) {}

    /**
     * {@code left} people left the site (sampled, or skipped while there), {@code gone} called people
     * will not come; then the next group is called if the count allows ({@code leave_site}, V28): one statement.
     */
    Left leaveSite(UUID siteId, int left, int gone, OffsetDateTime at, UUID by) {
        Tuple r = (Tuple) native_("SELECT * FROM leave_site(:site, :left, :gone, :at, :by)", Tuple.class)
                .setParameter("site", siteId).setParameter("left", left).setParameter("gone", gone).setParameter("at", at)
                .setParameter("by", by).getSingleResult();
        return left(r);
    }

    private static Left left(Tuple r) {
        UUID group = r.get("group_id", UUID.class);
        return new Left(SqlRows.integer(r, "on_site"), group == null ? null : new Called(group, SqlRows.integer(r, "seq"),
                r.get("grid_id", UUID.class), SqlRows.integer(r, "people"), r.get("label", String.class), null));
    }

    /** What {@code sample_at_site} did: who was sampled and, when that was everyone asked for, what {@code leave_site} did. */
    @RegisterForReflection
    public record SampledAt(List<UUID> sampled, Left left) {}

    /**
     * Samples at the site those of {@code memberIds} who arrived there and were not sampled; when that
     * is all of them, they leave the site and the next group may be called ({@code sample_at_site}, V29):
     * one statement. When only some were sampled, {@code left} is null and the caller must roll back.
     */
    SampledAt sampleAtSite(UUID roundId, UUID siteId, Collection<UUID> memberIds, UUID by, OffsetDateTime at) {
        Tuple r = (Tuple) native_("""
                SELECT array_to_string(sampled, ',') AS sampled, on_site, group_id, seq, grid_id, people, label
                FROM sample_at_site(:round, :site, cast(:members AS uuid[]), :by, :at)""", Tuple.class)
                .setParameter("round", roundId).setParameter("site", siteId).setParameter("members", uuidArray(memberIds))
                .setParameter("by", by).setParameter("at", at).getSingleResult();
        List<UUID> sampled = java.util.Arrays.stream(r.get("sampled", String.class).split(",")).filter(x -> !x.isEmpty())
                .map(UUID::fromString).toList();
        return new SampledAt(sampled, r.get("on_site") == null ? null : left(r));
    }

    /** Samples at home those of {@code memberIds} not sampled yet and not on a site: answers who. */
    List<UUID> sampleAtHome(UUID roundId, Collection<UUID> memberIds, UUID by, OffsetDateTime at) {
        return ids(native_("""
                UPDATE round_member SET sampled_at = :at, sampled_by = :by, at_home = true
                WHERE round_id = :round AND member_id IN (:members) AND sampled_at IS NULL AND arrived_at IS NULL
                RETURNING member_id""", UUID.class)
                .setParameter("at", at).setParameter("by", by).setParameter("round", roundId).setParameter("members", memberIds));
    }

    /** Where a skipped person was: on site (arrived at {@code siteId}, not sampled) or not. */
    @RegisterForReflection
    public record SkippedFrom(UUID householdId, UUID siteId, boolean wasOnSite, boolean wasSkipped) {}

    /**
     * Skips a person not sampled yet (their row locked and read as it is now); empty when they were
     * sampled or are not in the round.
     */
    Optional<SkippedFrom> skip(UUID roundId, UUID memberId, SkipReason reason, UUID by, OffsetDateTime at) {
        return SqlRows.tuples(native_("""
                WITH before AS (SELECT household_id, site_id, arrived_at, skip_reason FROM round_member
                                WHERE round_id = :round AND member_id = :member AND sampled_at IS NULL FOR UPDATE)
                UPDATE round_member m SET skip_reason = :reason, skipped_at = :at, skipped_by = :by, arrived_at = NULL
                FROM before WHERE m.round_id = :round AND m.member_id = :member
                RETURNING before.household_id, before.site_id, before.arrived_at IS NOT NULL AS was_on_site,
                          before.skip_reason IS NOT NULL AS was_skipped""", Tuple.class)
                .setParameter("reason", reason.name()).setParameter("at", at).setParameter("by", by)
                .setParameter("round", roundId).setParameter("member", memberId)).stream()
                .map(r -> new SkippedFrom(r.get("household_id", UUID.class), r.get("site_id", UUID.class),
                        r.get("was_on_site", Boolean.class), r.get("was_skipped", Boolean.class))).findFirst();
    }

    boolean setPaused(UUID siteId, boolean paused) {
        return native_("UPDATE testing_site SET paused = :p WHERE id = :site").setParameter("p", paused).setParameter("site", siteId)
                .executeUpdate() == 1;
    }

    /** How coverage lines are keyed. */
    enum CoverageKey { GRID("grid_id"), BUILDING("building_id"), HOUSEHOLD("household_id");
        final String column;
        CoverageKey(String column) { this.column = column; }
    }

    /** Residents, sampled and skipped (not sampled) per grid, building or household of the round. */
    List<CoverageCount> coverage(UUID roundId, CoverageKey key) {
        return SqlRows.tuples(native_("""
                SELECT %s AS id, count(*) AS residents, count(sampled_at) AS sampled,
                       count(*) FILTER (WHERE sampled_at IS NULL AND skip_reason IS NOT NULL) AS skipped
                FROM round_member WHERE round_id = :round GROUP BY %s""".formatted(key.column, key.column), Tuple.class)
                .setParameter("round", roundId)).stream().map(r -> new CoverageCount(r.get("id", UUID.class),
                        ((Number) r.get("residents")).longValue(), ((Number) r.get("sampled")).longValue(),
                        ((Number) r.get("skipped")).longValue())).toList();
    }

    /** Each person's state in the latest round (by date) that tests them. */
    Map<UUID, RoundsDtos.MemberRound> latestStates(Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, RoundsDtos.MemberRound> out = new java.util.HashMap<>();
        SqlRows.tuples(native_("""
                SELECT DISTINCT ON (m.member_id) m.member_id, r.id AS round_id, r.round_date, m.sampled_at IS NOT NULL AS sampled,
                       m.skip_reason, m.arrived_at IS NOT NULL AS arrived, g.called_at IS NOT NULL AS called
                FROM round_member m JOIN testing_round r ON r.id = m.round_id
                     JOIN call_group_household h ON h.round_id = m.round_id AND h.household_id = m.household_id
                     JOIN call_group g ON g.id = h.group_id
                WHERE m.member_id IN (:members) ORDER BY m.member_id, r.round_date DESC""", Tuple.class)
                .setParameter("members", memberIds)).forEach(r -> {
                    String skip = r.get("skip_reason", String.class);
                    RoundsDtos.RoundState state = r.get("sampled", Boolean.class) ? RoundsDtos.RoundState.SAMPLED
                            : skip != null ? RoundsDtos.RoundState.SKIPPED
                            : r.get("arrived", Boolean.class) ? RoundsDtos.RoundState.ON_SITE
                            : r.get("called", Boolean.class) ? RoundsDtos.RoundState.CALLED : RoundsDtos.RoundState.WAITING;
                    out.put(r.get("member_id", UUID.class), new RoundsDtos.MemberRound(r.get("round_id", UUID.class),
                            r.get("round_date", LocalDate.class), state, skip == null ? null : SkipReason.valueOf(skip)));
                });
        return out;
    }

    /** A person of the round not sampled yet, with the reason they were skipped (null: missing). */
    @RegisterForReflection
    public record Unsampled(UUID memberId, UUID householdId, String skipReason) {}

    /**
     * The round's people not sampled yet, by household then member ({@code reason} set: only those
     * skipped for it), a page at a time; {@code size} 0: all of them.
     */
    List<Unsampled> unsampled(UUID roundId, SkipReason reason, int page, int size) {
        Query q = native_("""
                SELECT member_id, household_id, skip_reason FROM round_member
                WHERE round_id = :round AND sampled_at IS NULL""" + (reason == null ? "" : " AND skip_reason = :reason")
                + " ORDER BY household_id, member_id", Tuple.class).setParameter("round", roundId);
        if (reason != null) {
            q.setParameter("reason", reason.name());
        }
        if (size > 0) {
            q.setFirstResult(page * size).setMaxResults(size);
        }
        return SqlRows.tuples(q).stream().map(r -> new Unsampled(r.get("member_id", UUID.class), r.get("household_id", UUID.class),
                r.get("skip_reason", String.class))).toList();
    }

    long countUnsampled(UUID roundId, SkipReason reason) {
        Query q = native_("SELECT count(*) FROM round_member WHERE round_id = :round AND sampled_at IS NULL"
                + (reason == null ? "" : " AND skip_reason = :reason")).setParameter("round", roundId);
        if (reason != null) {
            q.setParameter("reason", reason.name());
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    private static SiteRow site(Tuple r) {
        return new SiteRow(r.get("id", UUID.class), SqlRows.integer(r, "seq"), r.get("name", String.class),
                r.get("place", String.class), SqlRows.integer(r, "cap"), SqlRows.integer(r, "call_next_at"),
                SqlRows.integer(r, "on_site"), SqlRows.integer(r, "expected"), r.get("paused", Boolean.class));
    }

    private static GroupRow group(Tuple r) {
        return new GroupRow(r.get("id", UUID.class), r.get("site_id", UUID.class), SqlRows.integer(r, "seq"), r.get("grid_id", UUID.class),
                SqlRows.integer(r, "people"), r.get("label", String.class), SqlRows.at(r.get("called_at")));
    }

    private static List<UUID> ids(Query query) {
        return ((List<?>) query.getResultList()).stream().map(UUID.class::cast).toList();
    }

    private static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private Query native_(String sql) {
        return getEntityManager().createNativeQuery(sql);
    }

    private Query native_(String sql, Class<?> type) {
        return getEntityManager().createNativeQuery(sql, type);
    }
}
