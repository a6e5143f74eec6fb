package org.tongxin.common;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.UUID;

/**
 * The re-encryption job of a PII key rotation: every minute (tongxin.pii.reseal-every) it walks
 * every database column of {@link SealedColumn}, the one registry of sealed columns, and re-seals
 * the values not bound and under the current key (written under a retired key, or in an older
 * format), 500 rows a transaction; then each {@link PiiStore} seals what a feature still keeps in
 * the clear from before it sealed anything. Safe with several replicas: rows are locked with SKIP
 * LOCKED. A value that cannot be opened (its key already removed) is logged once and skipped.
 */
@ApplicationScoped
public class PiiRotation {

    private static final int BATCH = 500;

    private final PiiResealer resealer;
    private final Instance<PiiStore> stores;

    PiiRotation(PiiResealer resealer, Instance<PiiStore> stores) {
        this.resealer = resealer;
        this.stores = stores;
    }

    @Scheduled(every = "${tongxin.pii.reseal-every:1m}", delayed = "${tongxin.pii.reseal-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            resealAll();
        } catch (RuntimeException e) {
            Log.warnf("personal data re-sealing skipped (%s)", e.getClass().getSimpleName());
        }
    }

    /** Runs every column and store until nothing is left to re-seal; answers how many values were re-sealed. */
    public long resealAll() {
        long total = 0;
        for (SealedColumn column : SealedColumn.values()) {
            if (!column.inDatabase()) {
                continue;
            }
            UUID after = null;
            do {
                PiiResealer.Batch batch = resealer.reseal(column, after, BATCH);
                total += batch.resealed();
                after = batch.next();
            } while (after != null);
        }
        for (PiiStore store : stores) {
            int done;
            while ((done = store.reseal(BATCH)) > 0) {
                total += done;
            }
        }
        if (total > 0) {
            Log.infof("personal data re-sealed under the current key values=%d", total);
        }
        return total;
    }
}
