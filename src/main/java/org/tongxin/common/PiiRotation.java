package org.tongxin.common;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The re-encryption job of a PII key rotation: every minute (tongxin.pii.reseal-every) each
 * {@link PiiStore} re-seals a batch of values still under a retired key (or written before key
 * ids existed), until none is left. Safe with several replicas: each batch is one transaction whose
 * rows are locked with SKIP LOCKED by the stores.
 */
@ApplicationScoped
public class PiiRotation {

    private static final int BATCH = 500;

    private final Instance<PiiStore> stores;

    PiiRotation(Instance<PiiStore> stores) {
        this.stores = stores;
    }

    @Scheduled(every = "${tongxin.pii.reseal-every:1m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            resealAll();
        } catch (RuntimeException e) {
            Log.warnf("personal data re-sealing skipped (%s)", e.getClass().getSimpleName());
        }
    }

    /** Runs every store until nothing is left to re-seal; answers how many rows were re-sealed. */
    public long resealAll() {
        long total = 0;
        for (PiiStore store : stores) {
            int done;
            while ((done = store.reseal(BATCH)) > 0) {
                total += done;
            }
        }
        if (total > 0) {
            Log.infof("personal data re-sealed under the current key rows=%d", total);
        }
        return total;
    }
}
