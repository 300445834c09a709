package dev.pottery.jcache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.cache.CacheException;

/**
 * The entry leases of one cache in this JVM: waits (bounded) for a lease another process holds, and keeps
 * the leases this process holds alive while their writer or loader runs.
 *
 * <p>A lease is a Redis string next to the entry ({@link CacheKeys#lease}) holding a fencing token from the
 * cache's counter; it is taken and released by the same scripts that read and write the entry, so holding it
 * costs no extra round trip. It expires after {@code pottery.lease.millis} unless renewed: the manager calls
 * {@link #renewHeld()} every third of that time, one script call per cache for all its held leases. A
 * holder whose process stalls longer than the lease loses it; its write-back is then refused
 * ({@link Outcome#LOST}), so a stale holder never overwrites a newer change.
 *
 * <pre>{@code
 * EntryReply r = leases.await(() -> store.entry(call.under(LeaseUse.ACQUIRE), expiry), "key 'k' of cache c");
 * try (Leases.Held held = leases.hold(key, r.token())) { ... writer ... store.entry(commit.under(LeaseUse.held(r.token()))) }
 * }</pre>
 */
final class Leases {

    private static final long MAX_PAUSE_MILLIS = 25;

    private final CacheStore store;
    private final long waitMillis;
    private final Map<Held, Boolean> held = new ConcurrentHashMap<>();

    /** Leases of the cache {@code store} reaches; a wait gives up after {@code waitMillis}. */
    Leases(CacheStore store, long waitMillis) {
        this.store = store;
        this.waitMillis = waitMillis;
    }

    /**
     * Calls {@code attempt} until its reply is not "leased" (another process holds a lease it needs), pausing
     * 1–25 ms (growing, jittered) between calls; a {@link LeaseTimeoutException} naming {@code what} after
     * {@code pottery.lease.wait.millis}.
     */
    <T> T await(Supplier<T> attempt, Predicate<T> leased, String what) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        long pause = 1;
        while (true) {
            T reply = attempt.get();
            if (!leased.test(reply)) {
                return reply;
            }
            if (System.nanoTime() > deadline) {
                throw new LeaseTimeoutException("timed out after " + waitMillis + " ms waiting for " + what
                        + " of " + store.where() + ": another process holds its lease (a CacheWriter, CacheLoader or"
                        + " entry processor still running there, or a process that stopped without releasing it:"
                        + " then it frees itself when the lease expires)");
            }
            sleep(ThreadLocalRandom.current().nextLong(pause, 2 * pause + 1));
            pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
        }
    }

    /** As {@link #await(Supplier, Predicate, String)} for an entry call. */
    EntryReply await(Supplier<EntryReply> attempt, String what) {
        return await(attempt, reply -> reply.outcome() == Outcome.LEASED, what);
    }

    /** Keeps the lease on {@code key} (taken with {@code token}) alive until the returned handle is closed. */
    Held hold(byte[] key, long token) {
        Held lease = new Held(key, token);
        held.put(lease, Boolean.TRUE);
        return lease;
    }

    /** Keeps the leases on {@code keys}, all taken with {@code token}, alive until the handle is closed. */
    KeyLocks.Held holdAll(List<byte[]> keys, long token) {
        List<Held> all = new ArrayList<>(keys.size());
        keys.forEach(key -> all.add(hold(key, token)));
        return () -> all.forEach(Held::close);
    }

    /** Renews every lease this JVM holds on the cache (one script call); a failure waits for the next round. */
    void renewHeld() {
        List<Held> current = new ArrayList<>(held.keySet());
        if (current.isEmpty()) {
            return;
        }
        List<byte[]> keys = new ArrayList<>(current.size());
        List<Long> tokens = new ArrayList<>(current.size());
        for (Held lease : current) {
            keys.add(store.keys().lease(lease.key));
            tokens.add(lease.token);
        }
        try {
            store.renew(keys, tokens);
        } catch (CacheException e) {
            // Redis is away: the leases may lapse, and their write-backs will then be refused.
        }
    }

    /** How many leases this JVM holds on the cache now. */
    int heldCount() {
        return held.size();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheException("interrupted while waiting for an entry's lease", e);
        }
    }

    /** A lease this JVM holds; closing it stops its renewal (the lease itself ends with the write-back). */
    final class Held implements AutoCloseable {
        private final byte[] key;
        private final long token;

        private Held(byte[] key, long token) {
            this.key = key;
            this.token = token;
        }

        @Override
        public void close() {
            held.remove(this);
        }
    }
}
