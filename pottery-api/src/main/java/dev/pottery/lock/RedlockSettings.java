package dev.pottery.lock;

import dev.pottery.ExtendUnlockedLockException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A Redlock's timing and policy, fixed at construction (see {@link RedlockBuilder} for each one's
 * meaning and default).
 */
record RedlockSettings(
        Duration autoReleaseTime,
        int extensionLimit,
        Duration retryDelay,
        double clockDriftFactor,
        Duration masterTimeout,
        boolean raiseOnRedisErrors,
        boolean acquireBlocking,
        Duration acquireTimeout,
        boolean autoRenew,
        Consumer<? super ExtendUnlockedLockException> onLeaseLost) {

    /** The drift allowance between the masters' clocks and ours: factor × auto-release + 2 ms, as pottery. */
    long driftNanos() {
        return (long) (autoReleaseTime.toNanos() * clockDriftFactor) + 2_000_000L;
    }

    /** How long a fresh lease is safe to use: the auto-release time minus the drift allowance. */
    long validityNanos() {
        return autoReleaseTime.toNanos() - driftNanos();
    }

    /** How often the watchdog renews a held lease: a third of the auto-release time. */
    long renewEveryNanos() {
        return autoReleaseTime.toNanos() / 3;
    }
}
