package dev.pottery.jcache;

import dev.pottery.jcache.expiry.ExpiryDurations;
import java.util.List;

/**
 * Reclaims one cache's expired entries in the background and raises their EXPIRED events: batches of
 * {@value #BATCH} until none is due (at most {@value #ROUNDS} batches per run, so one cache cannot hold the
 * manager's sweeper). A cache whose policy never sets an expiry is skipped.
 *
 * <pre>{@code
 * ExpirySweep sweep = new ExpirySweep(context);
 * sweep.run();   // every pottery.sweep.interval.millis, from the manager's sweeper thread
 * }</pre>
 */
final class ExpirySweep {

    private static final int BATCH = 256;
    private static final int ROUNDS = 16;

    private final CacheStore store;
    private final ExpiryDurations expiry;
    private final CacheEvents<?, ?> events;

    ExpirySweep(CacheContext<?, ?> context) {
        this.store = context.store();
        this.expiry = context.expiry();
        this.events = context.events();
    }

    void run() {
        if (expiry.isEternal()) {
            return;
        }
        for (int round = 0; round < ROUNDS; round++) {
            List<byte[][]> gone = store.sweep(BATCH);
            events.expired(gone);
            if (gone.size() < BATCH) {
                return;
            }
        }
    }
}
