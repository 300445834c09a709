package dev.pottery.lock;

/**
 * A hold on a {@link Redlock}, returned by {@link Redlock#acquire()} for try-with-resources: closing
 * it unlocks the lock once (a second close does nothing).
 *
 * <pre>{@code
 * try (HeldLock held = printer.acquire()) {
 *     print();
 *     held.redlock().extend();
 * }
 * }</pre>
 */
public final class HeldLock implements AutoCloseable {

    private final Redlock redlock;
    private boolean closed;

    HeldLock(Redlock redlock) {
        this.redlock = redlock;
    }

    /** The lock this hold belongs to. */
    public Redlock redlock() {
        return redlock;
    }

    /**
     * Unlocks the lock, unless this hold was already closed.
     *
     * @throws IllegalMonitorStateException as {@link Redlock#unlock()}: another thread closes it, or
     *     the lease had expired (pottery raises {@code ReleaseUnlockedLock} on exit too)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (!redlock.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("the current thread does not hold " + redlock);
        }
        closed = true;
        redlock.unlock();
    }
}
