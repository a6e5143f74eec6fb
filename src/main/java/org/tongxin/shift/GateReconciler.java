package org.tongxin.shift;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every 30 seconds ({@code tongxin.shift.gate-reconcile-every}), compares the shifts the Redis gate refused as full with the database and drops
 * claimants the database does not have (a release that failed after a cancel, state written by a
 * crashed replica). A phantom slot is so free again within half a minute of the first refusal.
 * Each replica runs it; each full shift is taken off the list by one of them.
 */
@ApplicationScoped
public class GateReconciler {

    private static final int BATCH = 200;

    private final RedisClaimGate gate;
    private final ClaimRepository claims;
    private final ShiftConfig config;
    private final Clock clock;

    GateReconciler(RedisClaimGate gate, ClaimRepository claims, ShiftConfig config, Clock clock) {
        this.gate = gate;
        this.claims = claims;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${tongxin.shift.gate-reconcile-every:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.redisGate()) {
            return;
        }
        try {
            reconcile();
        } catch (RuntimeException unreachable) {
            Log.warnf("claim gate reconciliation skipped (%s)", unreachable.getClass().getSimpleName());
        }
    }

    /** One pass over the shifts found full since the last pass; answers how many phantom slots were freed. */
    public long reconcile() {
        long freed = 0;
        List<UUID> full;
        while (!(full = gate.takeFullShifts(BATCH)).isEmpty()) {
            Map<UUID, List<UUID>> claimants = claims.claimantsOf(full).stream().collect(
                    Collectors.groupingBy(ClaimRepository.Claimant::shiftId,
                            Collectors.mapping(ClaimRepository.Claimant::userId, Collectors.toList())));
            for (UUID shift : full) {
                long dropped = gate.reconcile(shift, claimants.getOrDefault(shift, List.of()), clock.millis());
                if (dropped > 0) {
                    Log.infof("claim gate resync shift=%s phantom claimants dropped=%d", shift, dropped);
                }
                freed += dropped;
            }
        }
        return freed;
    }
}
