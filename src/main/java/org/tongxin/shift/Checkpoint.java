package org.tongxin.shift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A checkpoint (值守点/卡点) at a community's gate or road, manned around the clock: a daily
 * pattern of shift start hours with one length covers the day, each shift with the same capacity.
 */
@Entity
public class Checkpoint {

    @Id
    private UUID id;
    @Column(name = "community_id")
    private UUID communityId;
    private String name;
    private String location;
    @Column(name = "shift_start_hours")
    private Short[] shiftStartHours;
    @Column(name = "shift_length_hours")
    private short shiftLengthHours;
    private int capacity;

    protected Checkpoint() {}

    public Checkpoint(UUID communityId, String name, String location, List<Integer> startHours, int lengthHours,
                      int capacity) {
        this.id = UUID.randomUUID();
        this.communityId = communityId;
        this.name = name;
        this.location = location;
        this.shiftStartHours = startHours.stream().sorted().map(Integer::shortValue).toArray(Short[]::new);
        this.shiftLengthHours = (short) lengthHours;
        this.capacity = capacity;
    }

    public UUID getId() { return id; }
    public UUID getCommunityId() { return communityId; }
    public String getName() { return name; }
    public String getLocation() { return location; }
    public List<Integer> getShiftStartHours() { return Arrays.stream(shiftStartHours).map(Short::intValue).toList(); }
    public int getShiftLengthHours() { return shiftLengthHours; }
    public int getCapacity() { return capacity; }
}
