package org.tongxin.auth;

import java.util.UUID;

/**
 * A role was taken from a person, fired inside the revoking transaction. Features above auth
 * observe it to undo what the role allowed (a revoked VOLUNTEER's future shift claims are
 * withdrawn); auth itself knows none of them.
 */
public record GrantRevoked(UUID userId, Grant grant) {}
