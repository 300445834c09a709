package dev.pottery.lock;

import dev.pottery.ExtendUnlockedLockException;
import dev.pottery.ReleaseUnlockedLockException;
import dev.pottery.TooManyExtensionsException;
import dev.pottery.internal.PotteryThreads;
import java.util.concurrent.CompletableFuture;

/**
 * A lease on a {@link Redlock} granted by {@link Redlock#acquireAsync()}: the asynchronous form of
 * holding the lock (pottery's {@code AIORedlock}). It belongs to no thread; any thread may extend or
 * release it. Every method that asks the masters returns at once, and its future completes on
 * Pottery's callback pool once a quorum answered.
 *
 * <pre>{@code
 * printer.acquireAsync()
 *        .thenCompose(lease -> print(document)
 *                .thenCompose(pages -> lease.releaseAsync().thenApply(released -> pages)));
 *
 * try (RedlockLease lease = printer.acquireAsync().join()) {   // or synchronously
 *     print(document);
 * }
 * }</pre>
 */
public final class RedlockLease implements AutoCloseable {

    private final Redlock redlock;
    private final RedlockProtocol protocol;
    private final Lease lease;

    RedlockLease(Redlock redlock, RedlockProtocol protocol, Lease lease) {
        this.redlock = redlock;
        this.protocol = protocol;
        this.lease = lease;
    }

    /** The lock this lease is on. */
    public Redlock redlock() {
        return redlock;
    }

    /**
     * Releases the lease: deletes the token on every master that still holds it (one script per
     * master) and stops its watchdog. Fails with {@link ReleaseUnlockedLockException} if fewer than a
     * quorum held it (it expired, was lost, or masters are down) or it was already released.
     */
    public CompletableFuture<Void> releaseAsync() {
        return PotteryThreads.completeOnCallbacks(protocol.release(lease));
    }

    /**
     * Resets the lease to the full auto-release time on the masters (one script per master), at most
     * the extension limit times. Fails with {@link TooManyExtensionsException} past the limit and
     * {@link ExtendUnlockedLockException} if a quorum no longer holds it.
     */
    public CompletableFuture<Void> extendAsync() {
        return PotteryThreads.completeOnCallbacks(protocol.extend(lease));
    }

    /**
     * The lease's remaining validity in milliseconds, as {@link Redlock#locked()}: the smallest
     * remaining time to live on a quorum of masters minus the drift allowance, 0 if a quorum no
     * longer holds it (one script per master).
     */
    public CompletableFuture<Long> lockedAsync() {
        return PotteryThreads.completeOnCallbacks(protocol.remainingMillis(lease));
    }

    /**
     * Whether the lease is still valid by the local clock: acquired or last renewed less than the
     * validity time ago, not released, and not found lost by the watchdog. Asks no master.
     */
    public boolean isValid() {
        return lease.isValid();
    }

    /**
     * Releases the lease and waits for the masters, unless it was already released.
     *
     * @throws ReleaseUnlockedLockException if fewer than a quorum still held it
     */
    @Override
    public void close() {
        if (!lease.isReleased()) {
            PotteryThreads.join(protocol.release(lease));
        }
    }

    @Override
    public String toString() {
        return "RedlockLease[" + protocol.redisKey() + (lease.isReleased() ? ", released" : lease.isValid() ? ", valid"
                : ", expired") + "]";
    }
}
