package org.tongxin.auth;

import java.util.UUID;

/**
 * One role held in one place. All ancestors of the scope are filled in (a grid worker's grant
 * carries its grid, community and street), so checking scope needs no extra look-up.
 * Travels inside the access token as a compact string: {@code ROLE|street|community|grid}.
 */
public record Grant(Role role, UUID streetId, UUID communityId, UUID gridId) {

    public String encode() {
        return role.name() + "|" + str(streetId) + "|" + str(communityId) + "|" + str(gridId);
    }

    public static Grant decode(String encoded) {
        String[] p = encoded.split("\\|", -1);
        if (p.length != 4) {
            throw new IllegalArgumentException("malformed grant");
        }
        return new Grant(Role.valueOf(p[0]), uuid(p[1]), uuid(p[2]), uuid(p[3]));
    }

    /** Whether this grant's scope contains the given place (a district grant contains everything). */
    public boolean covers(UUID street, UUID community, UUID grid) {
        return switch (role.level()) {
            case NONE -> false;
            case DISTRICT -> true;
            case STREET -> streetId != null && streetId.equals(street);
            case COMMUNITY -> communityId != null && communityId.equals(community);
            case GRID -> gridId != null && gridId.equals(grid);
        };
    }

    private static String str(UUID id) {
        return id == null ? "" : id.toString();
    }

    private static UUID uuid(String s) {
        return s.isEmpty() ? null : UUID.fromString(s);
    }
}
