package org.tongxin.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One record of the access audit, as read back (V30). Written only by {@link AuditRepository#append}
 * (the database chains it); never updated or deleted: the table refuses both.
 */
@Entity
@Immutable
@Table(name = "audit_record")
public class AuditRecord {

    @Id
    private long seq;
    private OffsetDateTime at;
    @Column(name = "actor_id")
    private UUID actorId;
    private String role;
    @Column(name = "scope_id")
    private UUID scopeId;
    @Enumerated(EnumType.STRING)
    private AuditKind kind;
    @Enumerated(EnumType.STRING)
    private AuditAction action;
    @Column(name = "subject_ids")
    private UUID[] subjectIds;
    @Column(name = "subject_scope")
    private UUID subjectScope;
    @Column(name = "row_count")
    private int rowCount;
    @Column(name = "request_id")
    private String requestId;

    protected AuditRecord() {}

    public long getSeq() { return seq; }
    public OffsetDateTime getAt() { return at; }
    public UUID getActorId() { return actorId; }
    public String getRole() { return role; }
    public UUID getScopeId() { return scopeId; }
    public AuditKind getKind() { return kind; }
    public AuditAction getAction() { return action; }
    public UUID[] getSubjectIds() { return subjectIds; }
    public UUID getSubjectScope() { return subjectScope; }
    public int getRowCount() { return rowCount; }
    public String getRequestId() { return requestId; }
}
