package org.tongxin.auth;

/**
 * What a user may do, and at which level of the organisation. Staff roles form a ladder
 * (grid < community < street < district): a higher rung includes everything beneath it
 * inside its own scope. VOLUNTEER and SUPPLIER sit beside the ladder, scoped to a community.
 */
public enum Role {
    RESIDENT(0, Level.NONE, false),
    VOLUNTEER(1, Level.COMMUNITY, false),
    SUPPLIER(3, Level.COMMUNITY, false),
    GRID_WORKER(2, Level.GRID, true),
    COMMUNITY_STAFF(3, Level.COMMUNITY, true),
    STREET_ADMIN(4, Level.STREET, true),
    DISTRICT_ADMIN(5, Level.DISTRICT, true);

    /** The organisation level a grant of this role is scoped to. */
    public enum Level { NONE, DISTRICT, STREET, COMMUNITY, GRID }

    private final int rank;
    private final Level level;
    private final boolean staff;

    Role(int rank, Level level, boolean staff) {
        this.rank = rank;
        this.level = level;
        this.staff = staff;
    }

    public Level level() { return level; }

    /** True when this staff role is at least {@code other} on the ladder. */
    public boolean atLeast(Role other) {
        return staff && rank >= other.rank;
    }

    /**
     * Whether a holder of this role may hand out {@code target} by invitation: only staff invite,
     * and only to roles at or below their own rung. Nobody is invited to RESIDENT (everyone is one).
     */
    public boolean mayInvite(Role target) {
        return staff && target != RESIDENT && target.rank <= rank;
    }
}
