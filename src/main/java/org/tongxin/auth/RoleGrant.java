package org.tongxin.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A stored {@link Grant}: one role a user holds in one place. */
@Entity
@Table(name = "role_grant")
public class RoleGrant {

    @Id
    private UUID id;
    @Column(name = "user_id")
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private Role role;
    @Column(name = "street_id")
    private UUID streetId;
    @Column(name = "community_id")
    private UUID communityId;
    /** The supplier a SUPPLIER grant works for; null for other roles. */
    private String supplier;
    @Column(name = "grid_id")
    private UUID gridId;

    protected RoleGrant() {}

    public UUID getId() { return id; }
    public UUID getUserId() { return userId; }

    public Grant toGrant() {
        return new Grant(role, streetId, communityId, gridId);
    }
}
