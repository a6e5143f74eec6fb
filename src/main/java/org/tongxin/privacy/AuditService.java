package org.tongxin.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tongxin.auth.Caller;
import org.tongxin.auth.Role;
import org.tongxin.auth.ScopeGuard;
import org.tongxin.common.CsvCells;
import org.tongxin.common.OrgLocation;
import org.tongxin.common.Page;
import org.tongxin.privacy.AuditDtos.AuditView;
import org.tongxin.privacy.AuditDtos.Verification;

/** The access audit as district admins read it (docs/privacy.md): queried, exported, its chain verified. */
@ApplicationScoped
public class AuditService {

    /** The most records one CSV export holds; a narrower filter gets the rest. */
    static final int EXPORT_LIMIT = 100_000;
    private static final String[] HEADER = {"seq", "at", "actorId", "role", "scopeId", "kind", "action", "subjectIds",
        "subjectScope", "rowCount", "requestId"};

    private final AuditRepository records;
    private final AuditTrail trail;
    private final ScopeGuard scope;

    AuditService(AuditRepository records, AuditTrail trail, ScopeGuard scope) {
        this.records = records;
        this.trail = trail;
        this.scope = scope;
    }

    public Page<AuditView> query(Caller caller, UUID actorId, UUID subjectId, AuditKind kind, OffsetDateTime from, OffsetDateTime to,
                                 int page, int size) {
        scope.require(caller, Role.DISTRICT_ADMIN, OrgLocation.NOWHERE);
        return Page.of(records.matching(actorId, subjectId, kind, from, to), page, size, AuditView::from);
    }

    /** The matching records as CSV (at most {@link #EXPORT_LIMIT}); the export is itself recorded. */
    public String csv(Caller caller, UUID actorId, UUID subjectId, AuditKind kind, OffsetDateTime from, OffsetDateTime to) {
        scope.require(caller, Role.DISTRICT_ADMIN, OrgLocation.NOWHERE);
        var rows = records.matching(actorId, subjectId, kind, from, to).page(0, EXPORT_LIMIT).list();
        trail.sheet(caller, AuditKind.AUDIT_EXPORT, null, rows.size());
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (AuditRecord r : rows) {
                printer.printRecord(r.getSeq(), r.getAt(), r.getActorId(), r.getRole(), r.getScopeId(), r.getKind(), r.getAction(),
                        java.util.Arrays.stream(r.getSubjectIds()).map(UUID::toString).collect(Collectors.joining(" ")),
                        r.getSubjectScope(), r.getRowCount(), CsvCells.text(r.getRequestId()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public Verification verify(Caller caller) {
        scope.require(caller, Role.DISTRICT_ADMIN, OrgLocation.NOWHERE);
        return records.walk();
    }
}
