package org.tongxin.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.util.UUID;

/** A household (户): one flat or yard; residents join it with its join code. */
@Entity
// Read by every order (HouseholdRepository.placeOfResident): named, so that Hibernate parses it once
// at boot, not in each of a window opening's first concurrent orders on a new replica.
@NamedQuery(name = Household.PLACE_OF_RESIDENT, query = """
        select c.streetId, c.id, g.id, b.id, h.id, coalesce(b.riskLevel, c.riskLevel)
        from UserAccount u, Household h, Building b, Grid g, Community c
        where u.id = :id and h.id = u.householdId and b.id = h.buildingId and g.id = b.gridId and c.id = g.communityId""")
public class Household {

    static final String PLACE_OF_RESIDENT = "Household.placeOfResident";

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
