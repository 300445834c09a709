package dev.pottery.jcache;

import dev.pottery.jcache.expiry.ExpiryDurations;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.cache.CacheException;

/**
 * Runs work on one entry that must not overlap with other work on it: the entry is locked in this JVM
 * ({@link KeyLocks}) and, when the first read takes it, leased in Redis ({@link Leases}), so that a
 * CacheWriter, a CacheLoader or an entry processor runs once per change, in the order of the cache's changes,
 * across threads and processes.
 *
 * <pre>{@code
 * EntryReply r = guard.run(EntryCall.of(EntryAction.PEEK, k).under(LeaseUse.ACQUIRE), "key 'ada'", read -> {
 *     writer.write(key, value);                                   // under the lease
 *     return guard.writeBack(EntryCall.of(EntryAction.PUT, k, v).under(LeaseUse.held(read.token())), "key 'ada'");
 * });
 * }</pre>
 *
 * <p>Cost: the read that takes the lease and the write-back that releases it are the operation's own two
 * script calls; waiting for another holder polls every 1–25 ms, for at most {@code pottery.lease.wait.millis}.
 */
final class EntryGuard {

    private final CacheStore store;
    private final ExpiryDurations expiry;
    private final KeyLocks locks;
    private final Leases leases;

    EntryGuard(CacheStore store, ExpiryDurations expiry, KeyLocks locks, Leases leases) {
        this.store = store;
        this.expiry = expiry;
        this.locks = locks;
        this.leases = leases;
    }

    /**
     * Locks the entry in this JVM, runs the {@code read} call (which may take the lease), waiting while another
     * process holds the lease, and runs {@code work} on its reply with the lease (if taken) kept alive; see
     * {@link #holding}.
     */
    <T> T run(EntryCall read, String what, Function<EntryReply, T> work) {
        try (KeyLocks.Held locked = locks.lock(read.key(), what)) {
            EntryReply reply = leases.await(() -> store.entry(read, expiry), what);
            return reply.token() == 0 ? work.apply(reply) : holding(read.key(), reply.token(), () -> work.apply(reply));
        }
    }

    /**
     * Runs {@code work} while this process holds the lease on {@code key} (taken with {@code token}), renewing
     * it. {@code work} ends the lease with its write-back; if it fails instead, the lease is released before
     * the failure propagates.
     */
    <T> T holding(byte[] key, long token, Supplier<T> work) {
        try (Leases.Held held = leases.hold(key, token)) {
            return work.get();
        } catch (RuntimeException | Error failure) {
            try {
                store.entry(EntryCall.of(EntryAction.RELEASE, key).under(LeaseUse.held(token)), expiry);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);   // the lease then expires on its own
            }
            throw failure;
        }
    }

    /**
     * As {@link #holding} for the leases on {@code keys}, all taken with {@code token}; on failure they are
     * released (one script call) before the failure propagates.
     */
    <T> T holdingAll(java.util.List<byte[]> keys, long token, Supplier<T> work) {
        try (KeyLocks.Held held = leases.holdAll(keys, token)) {
            return work.get();
        } catch (RuntimeException | Error failure) {
            try {
                store.releaseAll(keys, token);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
    }

    /** Locks the entry in this JVM only, and runs {@code work}. */
    <T> T locked(byte[] key, String what, Supplier<T> work) {
        try (KeyLocks.Held locked = locks.lock(key, what)) {
            return work.get();
        }
    }

    /**
     * Runs a write-back under a held lease. If the lease was lost (this process stalled longer than the
     * lease, so another may have changed the entry since), the entry is removed from the cache — so the next
     * read loads it from the system of record instead of serving a value that may disagree with it — and a
     * CacheException says so.
     */
    EntryReply writeBack(EntryCall call, String what) {
        return writeBack(call, what, false);
    }

    /**
     * As {@link #writeBack(EntryCall, String)}; {@code writerRan}: the CacheWriter has already taken the change.
     * If the write-back then fails (Redis unreachable, the connection reset, a timeout), the cache would keep
     * the value the writer's store has replaced: the entry is removed instead (under the held lease, or, if
     * that lease has ended, unless another process holds one now), so the next read loads it from the system
     * of record, and a CacheException says so. If even the removal fails, the exception says that the cache
     * may hold the old value until the entry changes again.
     */
    EntryReply writeBack(EntryCall call, String what, boolean writerRan) {
        EntryReply reply;
        try {
            reply = store.entry(call, expiry);
        } catch (RuntimeException failure) {
            if (!writerRan) {
                throw failure;
            }
            throw dropAfterFailure(List.of(call.key()), call.lease(), what, failure);
        }
        if (reply.outcome() == Outcome.LOST) {
            leases.await(() -> store.entry(EntryCall.of(EntryAction.REMOVE, call.key()).under(LeaseUse.ONCE), expiry),
                    what);
            throw new CacheException("the lease on " + what + " of " + store.where() + " expired before its change"
                    + " was stored (this process stalled longer than pottery.lease.millis); the CacheWriter or"
                    + " CacheLoader had already run, so the entry was removed from the cache and will be read"
                    + " from the system of record again");
        }
        return reply;
    }

    /**
     * After the CacheWriter took changes to {@code keys} (held under {@code lease}) whose write-back failed
     * with {@code failure}: removes those entries from the cache (one call; an entry whose lease has ended is
     * removed unless another process holds its lease now) and returns the exception to throw.
     */
    CacheException dropAfterFailure(List<byte[]> keys, LeaseUse lease, String what, RuntimeException failure) {
        try {
            if (keys.size() == 1) {
                EntryReply r = store.entry(EntryCall.of(EntryAction.REMOVE, keys.get(0)).under(lease), expiry);
                if (r.outcome() == Outcome.LOST) {
                    store.entry(EntryCall.of(EntryAction.REMOVE, keys.get(0)).under(LeaseUse.ONCE), expiry);
                }
            } else {
                store.batch(BatchCall.of(BatchAction.REMOVE, keys).under(lease), expiry);
            }
        } catch (RuntimeException again) {
            failure.addSuppressed(again);
            return new CacheException("the change to " + what + " of " + store.where() + " was not stored after the"
                    + " CacheWriter had taken it (" + failure.getMessage() + "), and the entry could not be removed"
                    + " either: the cache may serve the value the writer replaced until the entry changes again",
                    failure);
        }
        return new CacheException("the change to " + what + " of " + store.where() + " was not stored after the"
                + " CacheWriter had taken it (" + failure.getMessage() + "); the entry was removed from the cache, so"
                + " the next read loads it from the system of record", failure);
    }

    /** Waits (bounded) for the entry's lease while {@code attempt} reports it held elsewhere. */
    EntryReply await(Supplier<EntryReply> attempt, String what) {
        return leases.await(attempt, what);
    }
}
