package org.tongxin.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** A grid (网格): a slice of a community looked after by a grid worker (网格员). */
@Entity
public class Grid {

    @Id
    private UUID id;
    @Column(name = "community_id")
    private UUID communityId;
    private String name;

    protected Grid() {}

    public Grid(UUID communityId, String name) {
        this.id = UUID.randomUUID();
        this.communityId = communityId;
        this.name = name;
    }

    public UUID getId() { return id; }
    public UUID getCommunityId() { return communityId; }
    public String getName() { return name; }
}
