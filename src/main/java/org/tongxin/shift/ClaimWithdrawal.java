package org.tongxin.shift;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.tongxin.auth.GrantRevoked;
import org.tongxin.auth.Role;

/**
 * A volunteer whose role was revoked no longer stands the shifts they claimed that have not
 * started: the claims are withdrawn and the slots freed for others, in the revoking transaction
 * (shifts under way and served ones stay, with their minutes).
 */
@ApplicationScoped
public class ClaimWithdrawal {

    private final ClaimRepository claims;
    private final ClaimAdmission gatekeeper;
    private final Clock clock;

    ClaimWithdrawal(ClaimRepository claims, ClaimAdmission gatekeeper, Clock clock) {
        this.claims = claims;
        this.gatekeeper = gatekeeper;
        this.clock = clock;
    }

    void onRoleRevoked(@Observes GrantRevoked revoked) {
        if (revoked.grant().role() != Role.VOLUNTEER) {
            return;
        }
        List<UUID> freed = claims.withdrawFuture(revoked.userId(), revoked.grant().communityId(), OffsetDateTime.now(clock));
        freed.forEach(shift -> gatekeeper.release(shift, revoked.userId()));
        if (!freed.isEmpty()) {
            Log.infof("claims withdrawn user=%s community=%s shifts=%d", revoked.userId(), revoked.grant().communityId(),
                    freed.size());
        }
    }
}
