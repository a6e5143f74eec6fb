package org.tongxin.privacy;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The purge job (docs/privacy.md): for every stand-down whose deadline has passed, runs every
 * feature's purge steps in bounded batches. Each batch is one transaction that locks the stand-down
 * (so one replica purges it at a time), erases at most {@code tongxin.privacy.purge-batch} rows of
 * one kind, adds the count to the stand-down and appends its audit record: a crash at any point
 * loses at most the batch under way, rolled back whole, and the next run goes on from what is
 * left (a step finds only rows that still hold its data). The stand-down is DONE only when every
 * step counts nothing left in its scope, so rows a batch skipped (locked by a request at that
 * moment) are taken by a later one. Only the rows of the scope are locked, each for one short batch.
 */
@ApplicationScoped
public class StandDownPurge {

    private final StandDownRepository standDowns;
    private final List<PersonalData> features;
    private final AuditTrail audit;
    private final PrivacyConfig config;
    private final Clock clock;

    StandDownPurge(StandDownRepository standDowns, @All List<PersonalData> features, AuditTrail audit, PrivacyConfig config,
                   Clock clock) {
        this.standDowns = standDowns;
        this.features = features;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${tongxin.privacy.purge-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            runDue();
        } catch (RuntimeException e) {
            Log.warnf("stand-down purge interrupted (%s); the next run goes on", e.getClass().getSimpleName());
        }
    }

    /** Purges every stand-down that is due; answers how many it finished. */
    public int runDue() {
        int finished = 0;
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> standDowns.due(OffsetDateTime.now(clock)))) {
            if (purge(id)) {
                finished++;
            }
        }
        return finished;
    }

    private boolean purge(UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (QuarkusTransaction.requiringNew().call(() -> standDowns.start(id, now))) {
            Log.infof("stand-down purge started id=%s", id);
        }
        PurgeScope scope = QuarkusTransaction.requiringNew().call(() -> standDowns.findById(id).scope());
        for (PersonalData feature : features) {
            for (PersonalData.Step step : feature.purgeSteps()) {
                int rows;
                do {
                    rows = QuarkusTransaction.requiringNew().call(() -> batch(id, scope, step));
                    if (rows < 0) {
                        return false; // another replica purges it now, or it is no longer purging
                    }
                } while (rows == config.purgeBatch());
            }
        }
        boolean done = QuarkusTransaction.requiringNew().call(() -> nothingLeft(scope) && standDowns.finish(id, OffsetDateTime.now(clock)));
        if (done) {
            Log.infof("stand-down purge done id=%s", id);
        }
        return done;
    }

    /** One batch of one step, in its own transaction; -1 when the stand-down cannot be locked for it. */
    private int batch(UUID id, PurgeScope scope, PersonalData.Step step) {
        if (!standDowns.lockPurging(id)) {
            return -1;
        }
        int rows = step.purge().apply(scope, config.purgeBatch());
        if (rows > 0) {
            standDowns.addPurged(id, step.name(), rows);
            audit.purged(step.kind(), id, rows);
        }
        return rows;
    }

    private boolean nothingLeft(PurgeScope scope) {
        return features.stream().flatMap(f -> f.purgeSteps().stream())
                .allMatch(step -> step.remaining().apply(scope).stream().allMatch(c -> c.count() == 0));
    }
}
