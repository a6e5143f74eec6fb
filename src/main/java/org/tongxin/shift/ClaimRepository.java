package org.tongxin.shift;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tongxin.privacy.PersonalData;
import org.tongxin.privacy.PurgeScope;
import org.tongxin.common.JdbcRead;
import org.tongxin.common.SqlRows;
import org.tongxin.volunteer.VolunteerDtos.HeldShift;

/**
 * Claims. Every state change is one conditional statement whose WHERE clause carries the rule
 * (the status, the time window), so two requests can never both pass it. "Now" is always a
 * parameter, read from the service clock by the caller.
 */
@ApplicationScoped
public class ClaimRepository implements PanacheRepositoryBase<ShiftClaim, UUID> {

    /** Who holds a shift. */
    @RegisterForReflection
    public record Claimant(UUID shiftId, UUID userId) {}

    /** A claim not checked in after its shift started, before the volunteer's name is added. */
    @RegisterForReflection
    public record NoShowRow(UUID shiftId, UUID checkpointId, String checkpointName, OffsetDateTime startsAt,
                            UUID volunteerId) {}

    /** A claim whose shift starts soon, with how many reminders its claimant was sent. */
    @RegisterForReflection
    public record Upcoming(UUID claimId, UUID userId, OffsetDateTime startsAt, String checkpoint, int remindersSent) {}

    /**
     * Held claims (not checked in) of shifts starting after {@code now} whose next reminder is due:
     * fewer reminders sent than {@code horizons} (now + each lead, longest lead first) has passed.
     * Locked, so that a cancel waits and other replicas skip them.
     */
    public List<Upcoming> dueForReminder(OffsetDateTime now, List<OffsetDateTime> horizons, int limit) {
        StringBuilder due = new StringBuilder("1 = 0");
        for (int i = 0; i < horizons.size(); i++) {
            due.append(" OR (c.reminders_sent < ").append(i + 1).append(" AND s.starts_at <= :h").append(i).append(')');
        }
        var query = getEntityManager().createNativeQuery("""
                SELECT c.id AS claim_id, c.user_id, s.starts_at, cp.name AS checkpoint, c.reminders_sent
                FROM shift_claim c JOIN shift s ON s.id = c.shift_id JOIN checkpoint cp ON cp.id = s.checkpoint_id
                WHERE c.status = 'CLAIMED' AND s.starts_at > :now AND (""" + due + """
                ) ORDER BY s.starts_at LIMIT :limit FOR UPDATE OF c SKIP LOCKED""", Tuple.class)
                .setParameter("now", now).setParameter("limit", limit);
        for (int i = 0; i < horizons.size(); i++) {
            query.setParameter("h" + i, horizons.get(i));
        }
        return SqlRows.tuples(query).stream().map(r -> new Upcoming(r.get("claim_id", UUID.class), r.get("user_id", UUID.class),
                SqlRows.at(r.get("starts_at")), r.get("checkpoint", String.class), SqlRows.integer(r, "reminders_sent"))).toList();
    }

    /** A claim whose claimant did not check in, not reported yet. */
    @RegisterForReflection
    public record Missed(UUID claimId, UUID communityId, UUID volunteerId, OffsetDateTime startsAt, String checkpoint) {}

    /**
     * Claims still CLAIMED (never checked in) of shifts that started by {@code startedBy} and after
     * {@code since}, not reported yet; locked like the reminders.
     */
    public List<Missed> unreportedNoShows(OffsetDateTime since, OffsetDateTime startedBy, int limit) {
        var query = getEntityManager().createNativeQuery("""
                SELECT c.id AS claim_id, s.community_id, c.volunteer_id, s.starts_at, cp.name AS checkpoint
                FROM shift_claim c JOIN shift s ON s.id = c.shift_id JOIN checkpoint cp ON cp.id = s.checkpoint_id
                WHERE c.status = 'CLAIMED' AND NOT c.no_show_reported AND s.starts_at <= :by AND s.starts_at > :since
                ORDER BY s.starts_at LIMIT :limit FOR UPDATE OF c SKIP LOCKED""", Tuple.class)
                .setParameter("by", startedBy).setParameter("since", since).setParameter("limit", limit);
        return SqlRows.tuples(query).stream().map(r -> new Missed(r.get("claim_id", UUID.class), r.get("community_id", UUID.class),
                r.get("volunteer_id", UUID.class), SqlRows.at(r.get("starts_at")), r.get("checkpoint", String.class))).toList();
    }

    public void noShowReported(UUID claimId) {
        getEntityManager().createNativeQuery("UPDATE shift_claim SET no_show_reported = true WHERE id = :id")
                .setParameter("id", claimId).executeUpdate();
    }

    public void remindersSent(UUID claimId, int sent) {
        getEntityManager().createNativeQuery("UPDATE shift_claim SET reminders_sent = :n WHERE id = :id")
                .setParameter("n", sent).setParameter("id", claimId).executeUpdate();
    }

    public Optional<ShiftClaim> of(UUID shiftId, UUID userId) {
        return find("shiftId = ?1 and userId = ?2", shiftId, userId).firstResultOptional();
    }

    /** The claim as the database has it now, after a conditional update changed its row. */
    public ShiftClaim reloaded(ShiftClaim claim) {
        getEntityManager().refresh(claim);
        return claim;
    }

    /** Who holds a shift: what the Redis gate needs to rebuild the shift (plain SQL, see {@link JdbcRead}). */
    public List<UUID> claimants(UUID shiftId) {
        return JdbcRead.list(getEntityManager(), "SELECT user_id FROM shift_claim WHERE shift_id = ?",
                r -> r.getObject("user_id", UUID.class), shiftId);
    }

    /** The claimants of several shifts at once, for reconciling the gate. */
    public List<Claimant> claimantsOf(Collection<UUID> shiftIds) {
        return getEntityManager().createQuery("select c.shiftId, c.userId from ShiftClaim c where c.shiftId in :s",
                Claimant.class).setParameter("s", shiftIds).getResultList();
    }

    /** The user's shifts that have not ended, with times: what the Redis gate needs to rebuild the user (plain SQL). */
    public List<RedisClaimGate.Held> heldTimes(UUID userId, OffsetDateTime now) {
        return JdbcRead.list(getEntityManager(), """
                SELECT s.id, s.starts_at, s.ends_at FROM shift_claim c JOIN shift s ON s.id = c.shift_id
                WHERE c.user_id = ? AND s.ends_at > ?""", r -> new RedisClaimGate.Held(r.getObject("id", UUID.class),
                r.getObject("starts_at", OffsetDateTime.class), r.getObject("ends_at", OffsetDateTime.class)), userId, now);
    }

    /** The user's shifts that have not ended, soonest first, as their volunteer page lists them. */
    public List<HeldShift> upcoming(UUID userId, OffsetDateTime now) {
        return getEntityManager().createQuery("""
                select s.id, cp.id, cp.name, s.startsAt, s.endsAt, cast(c.status as String)
                from ShiftClaim c, Shift s, Checkpoint cp
                where c.userId = :u and s.id = c.shiftId and cp.id = s.checkpointId and s.endsAt > :now
                order by s.startsAt""", HeldShift.class)
                .setParameter("u", userId).setParameter("now", now).getResultList();
    }

    /** A claim as its volunteer's copy of their data shows it. */
    @RegisterForReflection
    public record ClaimCopy(UUID shiftId, UUID checkpointId, String checkpointName, OffsetDateTime startsAt, OffsetDateTime endsAt,
                            String status, OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt, Integer minutesServed,
                            String handoverNote) {}

    /** Every claim of the person, served or not, oldest first. */
    public List<ClaimCopy> copiesOf(UUID userId) {
        return getEntityManager().createQuery("""
                select s.id, cp.id, cp.name, s.startsAt, s.endsAt, cast(c.status as String), c.checkedInAt, c.checkedOutAt,
                       c.minutesServed, c.handoverNote
                from ShiftClaim c, Shift s, Checkpoint cp
                where c.userId = :u and s.id = c.shiftId and cp.id = s.checkpointId
                order by s.startsAt""", ClaimCopy.class).setParameter("u", userId).getResultList();
    }

    private static final String IN_SCOPE = " FROM shift_claim sc JOIN shift s ON s.id = sc.shift_id"
            + " JOIN community c ON c.id = s.community_id WHERE ";

    /** Claims of the scope that still carry a hand-over note, per community (a stand-down's dry run). */
    List<PersonalData.Count> notesIn(PurgeScope scope) {
        return PersonalData.counts(scope.bind(getEntityManager().createNativeQuery("SELECT c.id AS community_id, count(*) AS n"
                + IN_SCOPE + scope.where("c.street_id") + " AND sc.handover_note IS NOT NULL GROUP BY c.id", Tuple.class)));
    }

    /** Removes the hand-over notes of up to {@code limit} claims of the scope (a stand-down's purge); answers how many. */
    int purgeNotes(PurgeScope scope, int limit) {
        return scope.bind(getEntityManager().createNativeQuery("UPDATE shift_claim SET handover_note = NULL WHERE id IN (SELECT"
                + " sc.id" + IN_SCOPE + scope.where("c.street_id") + " AND sc.handover_note IS NOT NULL LIMIT :n"
                + " FOR UPDATE OF sc SKIP LOCKED)")).setParameter("n", limit).executeUpdate();
    }

    /** Shifts served (checked out) in the scope per community and day of their start (in {@code zone}): what a stand-down keeps. */
    List<PersonalData.Kept> servedPerDay(PurgeScope scope, java.time.ZoneId zone) {
        return PersonalData.kept("SHIFTS_SERVED", scope.bind(getEntityManager().createNativeQuery("SELECT c.id AS community_id,"
                + " CAST(s.starts_at AT TIME ZONE :zone AS date) AS day, count(*) AS n" + IN_SCOPE + scope.where("c.street_id")
                + " AND sc.status = 'CHECKED_OUT' GROUP BY 1, 2 ORDER BY 1, 2", Tuple.class)).setParameter("zone", zone.getId()));
    }

    /** Deletes a not-yet-started claim if the cut-off has not passed at {@code now}; false otherwise. */
    public boolean deleteBeforeCutoff(UUID shiftId, UUID userId, Duration cutoff, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                DELETE FROM shift_claim c USING shift s
                WHERE s.id = c.shift_id AND c.shift_id = :s AND c.user_id = :u AND c.status = 'CLAIMED'
                  AND s.starts_at > :latest""")
                .setParameter("s", shiftId).setParameter("u", userId).setParameter("latest", now.plus(cutoff))
                .executeUpdate() == 1;
    }

    /**
     * Deletes the person's claims in a community whose shift has not started, freeing each slot in
     * the same statement; answers the shifts freed.
     */
    public List<UUID> withdrawFuture(UUID userId, UUID communityId, OffsetDateTime now) {
        List<?> rows = getEntityManager().createNativeQuery("""
                WITH gone AS (
                    DELETE FROM shift_claim c USING shift s
                    WHERE s.id = c.shift_id AND c.user_id = :u AND s.community_id = :c AND c.status = 'CLAIMED'
                      AND s.starts_at > :now
                    RETURNING c.shift_id)
                UPDATE shift SET taken = taken - 1 WHERE id IN (SELECT shift_id FROM gone) RETURNING CAST(id AS text)""")
                .setParameter("u", userId).setParameter("c", communityId).setParameter("now", now)
                .getResultList();
        return rows.stream().map(r -> UUID.fromString(r.toString())).toList();
    }

    /** CLAIMED → CHECKED_IN when {@code now} lies inside the window [start − early, end). */
    public boolean checkIn(UUID shiftId, UUID userId, Duration early, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE shift_claim c SET status = 'CHECKED_IN', checked_in_at = :now FROM shift s
                WHERE s.id = c.shift_id AND c.shift_id = :s AND c.user_id = :u AND c.status = 'CLAIMED'
                  AND s.starts_at <= :opens AND :now < s.ends_at""")
                .setParameter("s", shiftId).setParameter("u", userId).setParameter("now", now)
                .setParameter("opens", now.plus(early))
                .executeUpdate() == 1;
    }

    /**
     * CHECKED_IN → CHECKED_OUT at {@code now}, recording the minutes served within the shift's own
     * hours and the handover note. Returns the minutes, or empty when the claim was not checked in.
     */
    public Optional<Integer> checkOut(UUID shiftId, UUID userId, String note, OffsetDateTime now) {
        List<?> rows = getEntityManager().createNativeQuery("""
                UPDATE shift_claim c SET status = 'CHECKED_OUT', checked_out_at = :now, handover_note = :note,
                       minutes_served = GREATEST(0, floor(extract(epoch FROM
                           LEAST(:now, s.ends_at) - GREATEST(c.checked_in_at, s.starts_at)) / 60))::int
                FROM shift s
                WHERE s.id = c.shift_id AND c.shift_id = :s AND c.user_id = :u AND c.status = 'CHECKED_IN'
                RETURNING c.minutes_served""")
                .setParameter("s", shiftId).setParameter("u", userId).setParameter("note", note)
                .setParameter("now", now)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).intValue());
    }

    public List<ShiftClaim> withNotes(UUID shiftId) {
        return list("shiftId = ?1 and handoverNote is not null order by checkedOutAt", shiftId);
    }

    /** Claims still CLAIMED (not checked in) whose shift started before {@code startedBefore}, in a range. */
    /** The claims of the checkpoint's shifts starting in [from, to), by shift start, then by check-in (not yet: last). */
    public List<ShiftClaim> ofCheckpoint(UUID checkpointId, OffsetDateTime from, OffsetDateTime to) {
        return getEntityManager().createQuery("""
                select c from ShiftClaim c, Shift s where s.id = c.shiftId and s.checkpointId = :cp and s.startsAt >= :from
                and s.startsAt < :to order by s.startsAt, c.checkedInAt nulls last, c.id""", ShiftClaim.class)
                .setParameter("cp", checkpointId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    public List<NoShowRow> noShows(UUID communityId, OffsetDateTime from, OffsetDateTime to, OffsetDateTime startedBefore) {
        return getEntityManager().createQuery("""
                select s.id, cp.id, cp.name, s.startsAt, c.volunteerId from ShiftClaim c, Shift s, Checkpoint cp
                where s.id = c.shiftId and cp.id = s.checkpointId and s.communityId = :community
                  and s.startsAt >= :from and s.startsAt < :to and s.startsAt <= :before and c.status = :claimed
                order by s.startsAt, cp.name""", NoShowRow.class)
                .setParameter("community", communityId).setParameter("from", from).setParameter("to", to)
                .setParameter("before", startedBefore).setParameter("claimed", ShiftClaim.Status.CLAIMED)
                .getResultList();
    }
}
