package dev.pottery.lock;

import dev.pottery.ExtendUnlockedLockException;
import dev.pottery.QuorumIsImpossibleException;
import dev.pottery.QuorumNotAchievedException;
import dev.pottery.ReleaseUnlockedLockException;
import dev.pottery.TooManyExtensionsException;
import dev.pottery.internal.Masters;
import dev.pottery.internal.PotteryThreads;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * A distributed {@link Lock} over N independent Redis masters (the Redlock algorithm), compatible with
 * Python pottery's {@code Redlock}: Java and Python processes locking the same key exclude each other.
 *
 * <pre>{@code
 * Redlock printer = new Redlock("printer", masters);   // Redis key "redlock:printer"
 * printer.lock();
 * try {
 *     print();
 * } finally {
 *     printer.unlock();
 * }
 *
 * try (HeldLock held = printer.acquire()) {            // the same, as try-with-resources
 *     print();
 * }
 * }</pre>
 *
 * <p><b>In Redis.</b> Acquiring stores a fresh random token (a UUID4 string) with
 * {@code SET redlock:<key> <token> NX PX <auto-release ms>} on every master at once; it succeeds when
 * more than half the masters agreed while the lease is still valid (auto-release time minus clock
 * drift minus the time acquiring took); otherwise it releases what it took and retries after a random
 * pause. Releasing, extending and {@link #locked()} run compare-the-token Lua scripts on every master,
 * so nobody ever releases or extends a lease that is not theirs. Each operation costs about one round
 * trip to the slowest master of the quorum. Each master's commands go through a lane of their own (one
 * I/O thread per client, pipelining what queues up), so a master that stops answering holds up
 * nobody: once it is overdue while it is needed it counts as failed (after at most the master
 * timeout, usually within 50–200 ms), and further commands skip it until it answers again; a
 * release still reaches it, after the SET it releases.
 *
 * <p><b>Long holders.</b> Built with {@link RedlockBuilder#autoRenew(boolean) autoRenew(true)}, a
 * watchdog renews the lease every third of the auto-release time, without limit, until unlock; a
 * holder checks {@link #holdsValidLease()} or registers {@link RedlockBuilder#onLeaseLost} to learn
 * that a renewal failed. {@link #acquireAsync()} acquires without blocking a thread and returns a
 * {@link RedlockLease} (pottery's {@code AIORedlock}).
 *
 * <p><b>In this JVM.</b> As with {@link ReentrantLock}, one {@code Redlock} is shared by threads, and
 * the holder is a thread: it may lock again (a local hold count: Redis keeps one token), and
 * {@link #unlock()} by another thread, or after the lease expired, throws
 * {@link IllegalMonitorStateException}. Threads of this JVM queue locally, in arrival order, before
 * the one at the head contends in Redis, so many waiting threads do not flood the masters. Re-entry
 * is local only: it neither checks nor renews the lease.
 *
 * <p><b>Safety.</b> The lease ends after the auto-release time even if the holder still runs: keep
 * critical sections well inside it, or {@link #extend()} it. Too many masters down gives
 * {@link QuorumIsImpossibleException}, never a silent success.
 */
public final class Redlock implements Lock {

    /** The prefix of the lock's Redis key, as pottery: {@code redlock:<key>}. */
    public static final String KEY_PREFIX = "redlock:";

    private final String key;
    private final RedlockSettings settings;
    private final RedlockProtocol protocol;
    /** Local queue and re-entrancy: a thread holds the Redlock exactly when it holds the gate. */
    private final ReentrantLock gate = new ReentrantLock(true);
    /** The current lease; written only by the thread holding the gate. */
    private volatile Lease lease;

    /**
     * A lock on {@code redlock:<key>} over the given masters, with pottery's defaults.
     *
     * @throws IllegalArgumentException if the key is empty, or the masters are empty or repeat a server
     */
    public Redlock(String key, Collection<? extends UnifiedJedis> masters) {
        this(key, masters, new RedlockBuilder(key, masters).settings());
    }

    Redlock(String key, Collection<? extends UnifiedJedis> masters, RedlockSettings settings) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a Redlock key must not be empty");
        }
        this.key = key;
        this.settings = settings;
        this.protocol = new RedlockProtocol(KEY_PREFIX + key, new Masters(masters), settings);
    }

    /** A builder for a lock on {@code redlock:<key>} with other than the default timing. */
    public static RedlockBuilder builder(String key, Collection<? extends UnifiedJedis> masters) {
        return new RedlockBuilder(key, masters);
    }

    /**
     * Runs {@code action} while holding a fresh Redlock on {@code key} with the default settings, and
     * returns its result (pottery's {@code synchronize} decorator).
     *
     * <pre>{@code
     * int pages = Redlock.synchronize("printer", masters, () -> printer.print(document));
     * }</pre>
     *
     * @throws QuorumNotAchievedException if the lock cannot be acquired
     */
    public static <T> T synchronize(String key, Collection<? extends UnifiedJedis> masters, Supplier<T> action) {
        Redlock lock = new Redlock(key, masters);
        try (HeldLock held = lock.acquire()) {
            return action.get();
        }
    }

    /** Runs {@code action} while holding a fresh Redlock on {@code key}; see {@link #synchronize(String, Collection, Supplier)}. */
    public static void synchronize(String key, Collection<? extends UnifiedJedis> masters, Runnable action) {
        synchronize(key, masters, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Acquires the lock, waiting as long as it takes (interrupts are remembered, not obeyed).
     *
     * @throws QuorumIsImpossibleException if more than half the masters fail (unless built with
     *     {@code raiseOnRedisErrors(false)})
     */
    @Override
    public void lock() {
        gate.lock();
        try {
            enterRedis(false);
        } catch (InterruptedException impossible) {
            throw new IllegalStateException("an uninterruptible wait was interrupted", impossible);
        }
    }

    /**
     * Acquires the lock unless the thread is interrupted, waiting as long as it takes; an interrupt
     * is noticed between attempts in Redis (an attempt lasts at most the master timeout).
     */
    @Override
    public void lockInterruptibly() throws InterruptedException {
        gate.lockInterruptibly();
        enterRedis(true);
    }

    /**
     * Acquires the lock if no other thread of this JVM holds it and one attempt in Redis succeeds
     * (re-entry by the holder always succeeds).
     */
    @Override
    public boolean tryLock() {
        try {
            return attempt(false, 0).lease() != null;
        } catch (InterruptedException impossible) {
            throw new IllegalStateException("an untimed attempt was interrupted", impossible);
        }
    }

    /**
     * Acquires the lock if it becomes free within {@code time}: waiting first for other threads of
     * this JVM, then retrying in Redis with random pauses. At least one attempt is made in Redis
     * (pottery's {@code timeout=0} makes none; Java's {@code tryLock(0, unit)} tries once).
     */
    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return attempt(true, unit.toNanos(time)).lease() != null;
    }

    /** With the gate just taken: takes the lease in Redis unless this is a re-entry; frees the gate on failure. */
    private void enterRedis(boolean interruptible) throws InterruptedException {
        if (gate.getHoldCount() > 1) {
            return;
        }
        boolean acquired = false;
        try {
            lease = acquireInRedis(false, 0, interruptible).lease();
            LeaseRenewal.startIfEnabled(protocol, lease);
            acquired = true;
        } finally {
            if (!acquired) {
                gate.unlock();
            }
        }
    }

    /** tryLock, returning the attempt: a lease when held (also on re-entry), else the masters that failed. */
    private RedlockProtocol.Attempt attempt(boolean timed, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        if (!(timed ? gate.tryLock(nanos, TimeUnit.NANOSECONDS) : gate.tryLock())) {
            return new RedlockProtocol.Attempt(null, Map.of());
        }
        if (gate.getHoldCount() > 1) {
            return new RedlockProtocol.Attempt(lease, Map.of());
        }
        boolean acquired = false;
        try {
            RedlockProtocol.Attempt attempt = timed ? acquireInRedis(true, deadline, true) : join(protocol.tryAcquire());
            lease = attempt.lease();
            acquired = lease != null;
            if (acquired) {
                LeaseRenewal.startIfEnabled(protocol, lease);
            }
            return attempt;
        } finally {
            if (!acquired) {
                gate.unlock();
            }
        }
    }

    /**
     * Releases one hold; the last hold of the holding thread deletes the token on the masters.
     *
     * @throws IllegalMonitorStateException if the current thread does not hold the lock, or if its
     *     lease was no longer held on a quorum of masters (expired or masters down); then the cause is
     *     a {@link ReleaseUnlockedLockException} naming the failed masters, and the lock is released
     *     locally all the same
     */
    @Override
    public void unlock() {
        if (!gate.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("the current thread does not hold " + this);
        }
        if (gate.getHoldCount() > 1) {
            gate.unlock();
            return;
        }
        Lease released = lease;
        lease = null;
        try {
            join(protocol.release(released));
        } catch (ReleaseUnlockedLockException expired) {
            IllegalMonitorStateException e = new IllegalMonitorStateException("the lease on " + protocol.redisKey()
                    + " was no longer held on a quorum of masters at unlock() (expired, or masters unreachable)");
            e.initCause(expired);
            throw e;
        } finally {
            gate.unlock();
        }
    }

    /** Not supported: waiting on a condition would need a distributed notification channel. */
    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("Redlock has no conditions");
    }

    /**
     * The remaining validity of this lock's current lease in milliseconds, 0 when this object holds
     * nothing (pottery's {@code locked()}): the smallest remaining time to live on a quorum of
     * masters minus the clock-drift allowance. Another object or process holding the same key reads 0
     * here, as in pottery; it asks every master (one round trip).
     */
    public long locked() {
        Lease current = lease;
        return current == null ? 0 : join(protocol.remainingMillis(current));
    }

    /**
     * Whether the current thread holds this lock with a lease that is still valid by the local clock:
     * acquired or last renewed less than the validity time (auto-release time minus the drift
     * allowance) ago, and not found lost by the watchdog ({@link RedlockBuilder#autoRenew}). Asks no
     * master: a holder calls it between steps of long work to learn that it may no longer be alone.
     */
    public boolean holdsValidLease() {
        Lease current = lease;
        return gate.isHeldByCurrentThread() && current != null && current.isValid();
    }

    /**
     * Resets the lease to the full auto-release time on the masters (one round trip), at most the
     * extension limit times per acquisition.
     *
     * @throws ExtendUnlockedLockException if the current thread does not hold the lock, or a quorum no
     *     longer holds its lease
     * @throws TooManyExtensionsException if the lease was already extended the allowed number of times
     */
    public void extend() {
        if (!gate.isHeldByCurrentThread()) {
            throw new ExtendUnlockedLockException("the current thread does not hold the lock", protocol.redisKey(),
                    protocol.masters().names(), Map.of());
        }
        join(protocol.extend(lease));
    }

    /**
     * Acquires the lock as configured (blocking, with an optional timeout, or one attempt) and returns
     * a handle whose {@code close()} unlocks it: pottery's context manager.
     *
     * <pre>{@code
     * try (HeldLock held = printer.acquire()) {
     *     print();
     * }
     * }</pre>
     *
     * @throws QuorumNotAchievedException if the lock was not acquired (held elsewhere past the
     *     timeout, or masters down), naming the masters that failed in the last attempt
     */
    public HeldLock acquire() {
        if (settings.acquireBlocking() && settings.acquireTimeout() == null) {
            lock();
            return new HeldLock(this);
        }
        RedlockProtocol.Attempt attempt;
        try {
            attempt = settings.acquireBlocking()
                    ? attempt(true, settings.acquireTimeout().toNanos())
                    : attempt(false, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notAcquired("interrupted", Map.of());
        }
        if (attempt.lease() == null) {
            throw notAcquired(settings.acquireBlocking() ? "still held elsewhere after " + settings.acquireTimeout()
                    : "held elsewhere", attempt.failures());
        }
        return new HeldLock(this);
    }

    private QuorumNotAchievedException notAcquired(String why, Map<String, String> failures) {
        return new QuorumNotAchievedException("cannot acquire the lock (" + why + ")", protocol.redisKey(),
                protocol.masters().names(), failures);
    }

    /** Whether the current thread holds this lock (locally; see {@link #locked()} for Redis's view). */
    public boolean isHeldByCurrentThread() {
        return gate.isHeldByCurrentThread();
    }

    /** How many times the current thread holds this lock (0 if it does not). */
    public int getHoldCount() {
        return gate.getHoldCount();
    }

    /** The key as given, without the {@code redlock:} prefix. */
    public String key() {
        return key;
    }

    /** The Redis key of the lock on every master: {@code redlock:<key>}. */
    public String redisKey() {
        return protocol.redisKey();
    }

    /**
     * Tries in Redis until acquired, or until the deadline when {@code timed}; returns the last attempt.
     * Uninterruptible waits remember an interrupt and restore it on return.
     */
    private RedlockProtocol.Attempt acquireInRedis(boolean timed, long deadline, boolean interruptible)
            throws InterruptedException {
        boolean interrupted = false;
        try {
            while (true) {
                RedlockProtocol.Attempt attempt = join(protocol.tryAcquire());
                if (attempt.lease() != null) {
                    return attempt;
                }
                long pause = ThreadLocalRandom.current().nextLong(settings.retryDelay().toNanos() + 1);
                if (timed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return attempt;
                    }
                    pause = Math.min(pause, left);
                }
                if (Thread.interrupted()) {
                    if (interruptible) {
                        throw new InterruptedException("interrupted while waiting for " + protocol.redisKey());
                    }
                    interrupted = true;
                }
                if (interruptible) {
                    TimeUnit.NANOSECONDS.sleep(pause);
                } else {
                    LockSupport.parkNanos(this, pause);
                }
            }
        } finally {
            if (interrupted || (!interruptible && Thread.interrupted())) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Acquires the lock without blocking the calling thread (pottery's {@code AIORedlock}): the future
     * completes with a {@link RedlockLease} once a quorum of masters granted a fresh token, retrying
     * after random pauses as {@link #acquire()} does (blocking or one attempt, with the builder's
     * timeout), but on Pottery's threads. The lease belongs to no thread: release it with
     * {@link RedlockLease#releaseAsync()} or {@link RedlockLease#close()}, from any thread. Async
     * leases and thread holds of the same {@code Redlock} exclude each other through Redis only.
     *
     * <pre>{@code
     * printer.acquireAsync()
     *        .thenCompose(lease -> print(document).whenComplete((pages, error) -> lease.releaseAsync()));
     * }</pre>
     *
     * <p>The future completes on Pottery's callback pool, so what is chained onto it never runs on a
     * master's I/O thread. It fails with {@link QuorumNotAchievedException} when the lock was not
     * acquired (held elsewhere past the timeout, or masters down), or {@link QuorumIsImpossibleException}
     * as {@link #lock()}. Cancelling it stops the retries; a lease granted meanwhile is released.
     * Costs as {@link #lock()}: one SET per master per attempt.
     */
    public CompletableFuture<RedlockLease> acquireAsync() {
        CompletableFuture<RedlockLease> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + (settings.acquireTimeout() == null ? 0 : settings.acquireTimeout().toNanos());
        attemptAsync(result, deadline);
        return result;
    }

    private void attemptAsync(CompletableFuture<RedlockLease> result, long deadline) {
        if (result.isDone()) {
            return; // cancelled
        }
        protocol.tryAcquire().whenComplete((attempt, failure) -> {
            if (failure != null) {
                PotteryThreads.callbacks().execute(() -> result.completeExceptionally(PotteryThreads.unwrap(failure)));
                return;
            }
            if (attempt.lease() != null) {
                LeaseRenewal.startIfEnabled(protocol, attempt.lease());
                RedlockLease granted = new RedlockLease(this, protocol, attempt.lease());
                PotteryThreads.callbacks().execute(() -> {
                    if (!result.complete(granted)) {
                        granted.releaseAsync();
                    }
                });
                return;
            }
            long pause = ThreadLocalRandom.current().nextLong(settings.retryDelay().toNanos() + 1);
            boolean timed = settings.acquireTimeout() != null;
            long left = deadline - System.nanoTime();
            if (!settings.acquireBlocking() || (timed && left <= 0)) {
                QuorumNotAchievedException notAcquired = notAcquired(settings.acquireBlocking()
                        ? "still held elsewhere after " + settings.acquireTimeout() : "held elsewhere", attempt.failures());
                PotteryThreads.callbacks().execute(() -> result.completeExceptionally(notAcquired));
                return;
            }
            PotteryThreads.timer().schedule(() -> attemptAsync(result, deadline), timed ? Math.min(pause, left) : pause,
                    TimeUnit.NANOSECONDS);
        });
    }

    private static <T> T join(CompletableFuture<T> future) {
        return PotteryThreads.join(future);
    }

    @Override
    public String toString() {
        String state = gate.isLocked() ? "locked" : "unlocked";
        return "Redlock[" + protocol.redisKey() + ", " + protocol.masters().size() + " masters, " + state + "]";
    }
}
