package org.tongxin.privacy;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Grant;
import org.tongxin.common.ApiException;
import org.tongxin.common.RequestIds;

/**
 * Where features report every read (and write) of someone else's sealed personal data
 * (docs/privacy.md), like they report messages to the notice outbox. A record is written in the
 * caller's transaction, or in its own when the read has none, and always before the data leaves:
 * a record that cannot be written fails the read with 503 AUDIT_UNAVAILABLE, so a read without its
 * record does not happen. Reads of one's own data are not reported (the features decide who owns
 * what: a household's members own its requests, a volunteer their record).
 */
@ApplicationScoped
public class AuditTrail {

    private final AuditRepository records;
    private final RequestIds requestIds;
    private final Clock clock;

    AuditTrail(AuditRepository records, RequestIds requestIds, Clock clock) {
        this.records = records;
        this.requestIds = requestIds;
        this.clock = clock;
    }

    /** {@code caller} read these rows' personal data; nothing is recorded for no rows. */
    @Transactional
    public void read(Caller caller, AuditKind kind, Collection<UUID> subjects) {
        if (!subjects.isEmpty()) {
            append(caller, kind, AuditAction.READ, subjects, null, subjects.size());
        }
    }

    /** {@code caller} read a sheet of {@code rows} rows of personal data covering {@code covers} (a window, a round). */
    @Transactional
    public void sheet(Caller caller, AuditKind kind, UUID covers, int rows) {
        append(caller, kind, AuditAction.READ, List.of(), covers, rows);
    }

    /** {@code caller} wrote personal data of these rows that is not theirs (staff recording someone). */
    @Transactional
    public void wrote(Caller caller, AuditKind kind, Collection<UUID> subjects) {
        append(caller, kind, AuditAction.WRITE, subjects, null, subjects.size());
    }

    /** {@code caller} erased these rows' personal data (a person their own account). */
    @Transactional
    public void erased(Caller caller, AuditKind kind, Collection<UUID> subjects) {
        append(caller, kind, AuditAction.ERASE, subjects, null, subjects.size());
    }

    /**
     * The purge job erased {@code kind} from {@code rows} rows for a stand-down: a record of the service
     * itself (no actor), in the purging batch's transaction, the stand-down as what it covers.
     */
    @Transactional
    public void purged(AuditKind kind, UUID standDownId, int rows) {
        try {
            records.append(OffsetDateTime.now(clock), null, null, null, kind, AuditAction.PURGE, List.of(), standDownId, rows, null);
        } catch (PersistenceException e) {
            Log.errorf("audit record not written kind=%s action=PURGE: %s", kind, e.getClass().getSimpleName());
            throw e;
        }
    }

    private void append(Caller caller, AuditKind kind, AuditAction action, Collection<UUID> subjects, UUID covers, int rows) {
        Grant highest = caller.grants().stream().max(Comparator.comparingInt((Grant g) -> g.role().ordinal())).orElse(null);
        try {
            records.append(OffsetDateTime.now(clock), caller.userId(), highest == null ? null : highest.role().name(),
                    highest == null ? null : scopeOf(highest), kind, action, subjects, covers, rows, requestIds.current().orElse(null));
        } catch (PersistenceException e) {
            Log.errorf("audit record not written kind=%s action=%s: %s", kind, action, e.getClass().getSimpleName());
            throw new ApiException(PrivacyError.AUDIT_UNAVAILABLE);
        }
    }

    private static UUID scopeOf(Grant g) {
        return g.gridId() != null ? g.gridId() : g.communityId() != null ? g.communityId() : g.streetId();
    }
}
