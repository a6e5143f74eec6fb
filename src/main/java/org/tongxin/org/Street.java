package org.tongxin.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A street (街道) or town (镇): the unit a street admin runs. */
@Entity
public class Street {

    /** Whether the unit is an urban street office or a rural town government. */
    public enum Kind { STREET, TOWN }

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Street() {}

    public Street(String name, Kind kind) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.kind = kind;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public Kind getKind() { return kind; }
}
