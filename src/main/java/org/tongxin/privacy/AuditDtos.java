package org.tongxin.privacy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response records of the audit API (docs/privacy.md). */
@RegisterForReflection
public final class AuditDtos {

    private AuditDtos() {}

    /** One audit record: who read (or wrote) whose personal data, of what kind, when, in which request. */
    public record AuditView(long seq, OffsetDateTime at, @Schema(nullable = true) UUID actorId, @Schema(nullable = true) String role,
                            @Schema(nullable = true) UUID scopeId, AuditKind kind, AuditAction action, List<UUID> subjectIds,
                            @Schema(nullable = true) UUID subjectScope, int rowCount, @Schema(nullable = true) String requestId) {
        static AuditView from(AuditRecord r) {
            return new AuditView(r.getSeq(), r.getAt(), r.getActorId(), r.getRole(), r.getScopeId(), r.getKind(), r.getAction(),
                    List.of(r.getSubjectIds()), r.getSubjectScope(), r.getRowCount(), r.getRequestId());
        }
    }

    /** A page of audit records (the shape of every paged list: docs/api-notes.md). */
    public record AuditPage(List<AuditView> items, int page, int size, long total) {
        static AuditPage of(org.tongxin.common.Page<AuditView> p) {
            return new AuditPage(p.items(), p.page(), p.size(), p.total());
        }
    }

    /**
     * The chains' walk: whether every record links to the one before it in its chain and matches
     * its hash, how many were checked, the first record that does not (its time and seq), and the
     * head of each chain to write down elsewhere: a later walk whose chain no longer passes through
     * a head written down means that chain was rewritten from there.
     */
    public record Verification(boolean ok, long checked, @Schema(nullable = true) OffsetDateTime firstBreakAt,
                               @Schema(nullable = true) Long firstBreakSeq, List<ChainHead> heads) {}

    /** The last record of one of the audit's chains (0-7): its seq and its hash, hex. */
    public record ChainHead(int chain, long seq, String hash) {}
}
