package org.tongxin.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.UUID;

/**
 * A building (楼) or, in a village, a lane (街巷) with a building head (楼长). Its risk level is
 * optional: without one it inherits its community's.
 */
@Entity
public class Building {

    @Id
    private UUID id;
    @Column(name = "grid_id")
    private UUID gridId;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    private RiskLevel riskLevel;

    protected Building() {}

    public Building(UUID gridId, String name) {
        this.id = UUID.randomUUID();
        this.gridId = gridId;
        this.name = name;
    }

    public UUID getId() { return id; }
    public UUID getGridId() { return gridId; }
    public String getName() { return name; }
    /** The building's own level, or null when it inherits. */
    public RiskLevel getRiskLevel() { return riskLevel; }

    public void setRiskLevel(RiskLevel level) { this.riskLevel = level; }
}
