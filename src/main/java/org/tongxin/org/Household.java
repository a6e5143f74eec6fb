package org.tongxin.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A household (户): one flat or yard; residents join it with its join code. */
@Entity
public class Household {

    @Id
    private UUID id;
    @Column(name = "building_id")
    private UUID buildingId;
    private String room;
    @Column(name = "join_code")
    private String joinCode;
    private int members;

    protected Household() {}

    public Household(UUID buildingId, String room, String joinCode) {
        this.id = UUID.randomUUID();
        this.buildingId = buildingId;
        this.room = room;
        this.joinCode = joinCode;
    }

    public UUID getId() { return id; }
    public UUID getBuildingId() { return buildingId; }
    public String getRoom() { return room; }
    public String getJoinCode() { return joinCode; }
    public int getMembers() { return members; }
}
