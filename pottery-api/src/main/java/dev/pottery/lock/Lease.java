package dev.pottery.lock;

import dev.pottery.internal.Replies;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One acquisition of a Redlock: the random token stored on the masters, the SET that stored it
 * (later commands for the lease go only to the masters it was sent to, after it), until when the lease
 * is valid by the local clock, how many times it was extended by hand, and its watchdog's state.
 * Shared by the holder, the watchdog and {@code locked()}, so its state is thread-safe.
 */
final class Lease {

    private final String token;
    private final Replies<String> acquired;
    private final AtomicInteger extensions = new AtomicInteger();
    private final AtomicBoolean released = new AtomicBoolean();
    /** The end of the lease's validity, on the {@link System#nanoTime()} clock. */
    private volatile long validUntil;
    private volatile boolean lost;
    private volatile Future<?> nextRenewal;

    Lease(String token, Replies<String> acquired, long validUntil) {
        this.token = token;
        this.acquired = acquired;
        this.validUntil = validUntil;
    }

    String token() {
        return token;
    }

    Replies<String> acquired() {
        return acquired;
    }

    /** Whether the lease is still valid by the local clock and no renewal found it lost. */
    boolean isValid() {
        return !lost && !released.get() && validUntil - System.nanoTime() > 0;
    }

    long validUntil() {
        return validUntil;
    }

    /** A quorum confirmed the lease's full time to live again, as of {@code confirmedFrom} + validity. */
    void renewed(long newValidUntil) {
        if (newValidUntil - validUntil > 0) {
            validUntil = newValidUntil;
        }
    }

    /** Counts one extension by hand, if fewer than {@code limit} were made; false otherwise. */
    boolean countExtension(int limit) {
        while (true) {
            int made = extensions.get();
            if (made >= limit) {
                return false;
            }
            if (extensions.compareAndSet(made, made + 1)) {
                return true;
            }
        }
    }

    /** Marks the lease released (once): true for the first caller. Stops the watchdog. */
    boolean release() {
        if (!released.compareAndSet(false, true)) {
            return false;
        }
        Future<?> renewal = nextRenewal;
        if (renewal != null) {
            renewal.cancel(false);
        }
        return true;
    }

    boolean isReleased() {
        return released.get();
    }

    void lose() {
        lost = true;
    }

    boolean isLost() {
        return lost;
    }

    /** The watchdog's next renewal, cancelled on release. */
    void scheduleRenewal(Future<?> renewal) {
        nextRenewal = renewal;
        if (released.get()) {
            renewal.cancel(false);
        }
    }
}
