package org.tongxin.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.UUID;

/** A community (社区) or village (村): the unit community staff run and residents belong to. */
@Entity
public class Community {

    /** Urban residential community or rural village. */
    public enum Kind { COMMUNITY, VILLAGE }

    @Id
    private UUID id;
    @Column(name = "street_id")
    private UUID streetId;
    private String name;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    private RiskLevel riskLevel;

    protected Community() {}

    public Community(UUID streetId, String name, Kind kind) {
        this.id = UUID.randomUUID();
        this.streetId = streetId;
        this.name = name;
        this.kind = kind;
        this.riskLevel = RiskLevel.LOW;
    }

    public UUID getId() { return id; }
    public UUID getStreetId() { return streetId; }
    public String getName() { return name; }
    public Kind getKind() { return kind; }
    public RiskLevel getRiskLevel() { return riskLevel; }

    public void setRiskLevel(RiskLevel level) { this.riskLevel = level; }
}
