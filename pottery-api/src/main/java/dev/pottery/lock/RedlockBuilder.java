package dev.pottery.lock;

import dev.pottery.ExtendUnlockedLockException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import redis.clients.jedis.UnifiedJedis;

/**
 * Configures a {@link Redlock}; the defaults are Python pottery's.
 *
 * <pre>{@code
 * Redlock printer = Redlock.builder("printer", masters)
 *         .autoReleaseTime(Duration.ofSeconds(30))
 *         .extensionLimit(10)
 *         .acquireTimeout(Duration.ofSeconds(5))
 *         .build();
 *
 * Redlock nightlyJob = Redlock.builder("nightly-job", masters)
 *         .autoRenew(true)                                   // held as long as the job runs
 *         .onLeaseLost(lost -> job.abort())                  // a renewal found the lease gone
 *         .build();
 * }</pre>
 */
public final class RedlockBuilder {

    private final String key;
    private final List<UnifiedJedis> masters;
    private Duration autoReleaseTime = Duration.ofSeconds(10);
    private int extensionLimit = 3;
    private Duration retryDelay = Duration.ofMillis(200);
    private double clockDriftFactor = 0.01;
    private Duration masterTimeout = Duration.ofSeconds(1);
    private boolean raiseOnRedisErrors = true;
    private boolean acquireBlocking = true;
    private Duration acquireTimeout;
    private boolean autoRenew;
    private Consumer<? super ExtendUnlockedLockException> onLeaseLost = lost -> { };

    RedlockBuilder(String key, Collection<? extends UnifiedJedis> masters) {
        this.key = Objects.requireNonNull(key, "key");
        this.masters = List.copyOf(Objects.requireNonNull(masters, "masters"));
    }

    /**
     * How long a lease lasts in Redis unless extended or released (default 10 s): a crashed holder
     * frees the lock after this time. Must be positive.
     */
    public RedlockBuilder autoReleaseTime(Duration time) {
        this.autoReleaseTime = positive(time, "autoReleaseTime");
        return this;
    }

    /**
     * How many times one lease may be {@linkplain Redlock#extend() extended} by hand (default 3, as
     * pottery; {@link Integer#MAX_VALUE} for no limit). Renewals by the watchdog
     * ({@link #autoRenew}) do not count.
     */
    public RedlockBuilder extensionLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("extensionLimit must not be negative, was " + limit);
        }
        this.extensionLimit = limit;
        return this;
    }

    /**
     * The longest pause between two attempts to acquire (default 200 ms); each pause is random
     * between zero and this, so contenders do not retry in lockstep.
     */
    public RedlockBuilder retryDelay(Duration delay) {
        this.retryDelay = positive(delay, "retryDelay");
        return this;
    }

    /**
     * The share of the auto-release time allowed for clock drift between the masters (default 0.01;
     * 2 ms are always added). A lease is valid for auto-release − drift − the time acquiring took.
     */
    public RedlockBuilder clockDriftFactor(double factor) {
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("clockDriftFactor must be in [0, 1), was " + factor);
        }
        this.clockDriftFactor = factor;
        return this;
    }

    /**
     * How long one operation waits for the masters' replies (default 1 s, and never longer than a
     * lease's validity): a master silent for longer counts as failed, so a paused or unreachable
     * master cannot stall the caller. Set the clients' own socket timeouts to about this value too,
     * so that their connections are freed as soon.
     */
    public RedlockBuilder masterTimeout(Duration timeout) {
        this.masterTimeout = positive(timeout, "masterTimeout");
        return this;
    }

    /**
     * Whether an attempt in which more than half the masters fail with errors throws
     * {@link dev.pottery.QuorumIsImpossibleException} (default true) instead of counting as an
     * ordinary failure to acquire, which a blocking {@code lock()} would retry for ever.
     */
    public RedlockBuilder raiseOnRedisErrors(boolean raise) {
        this.raiseOnRedisErrors = raise;
        return this;
    }

    /**
     * Whether {@link Redlock#acquire()} waits for the lock (default true) or makes a single attempt
     * (pottery's {@code context_manager_blocking}).
     */
    public RedlockBuilder acquireBlocking(boolean blocking) {
        this.acquireBlocking = blocking;
        return this;
    }

    /**
     * How long a blocking {@link Redlock#acquire()} waits at most (default: for ever); pottery's
     * {@code context_manager_timeout}. A timeout needs blocking acquisition.
     */
    public RedlockBuilder acquireTimeout(Duration timeout) {
        this.acquireTimeout = positive(timeout, "acquireTimeout");
        return this;
    }

    /**
     * Whether a watchdog keeps the lease of a holder alive while it holds the lock (default false):
     * every third of the auto-release time it resets the lease on the masters to the full auto-release
     * time, with no limit on the number of renewals, until {@code unlock()}/{@code release}. A crashed
     * or killed holder stops renewing, so the lock frees at most one auto-release time later. A
     * renewal that a quorum refuses, or that cannot reach a quorum before the lease runs out, ends the
     * lease: the holder learns it from {@link Redlock#holdsValidLease()} and {@link #onLeaseLost}.
     * Cost: one script per master per renewal, on the shared timer thread, never the holder's.
     */
    public RedlockBuilder autoRenew(boolean renew) {
        this.autoRenew = renew;
        return this;
    }

    /**
     * Called when the watchdog finds a held lease lost (see {@link #autoRenew}), with the exception
     * naming the masters that refused or failed; it runs on a Pottery thread (not the holder's) and
     * must not block for long. Default: nothing.
     */
    public RedlockBuilder onLeaseLost(Consumer<? super ExtendUnlockedLockException> listener) {
        this.onLeaseLost = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Builds the lock.
     *
     * @throws IllegalArgumentException if a timeout was given for non-blocking acquisition (as
     *     pottery: "can't specify a timeout for a non-blocking call"), if the auto-release time is not
     *     longer than the clock-drift allowance (such a lease could never be valid), or the masters are
     *     empty or repeated
     */
    public Redlock build() {
        return new Redlock(key, masters, settings());
    }

    RedlockSettings settings() {
        if (!acquireBlocking && acquireTimeout != null) {
            throw new IllegalArgumentException("can't specify a timeout for a non-blocking call");
        }
        RedlockSettings settings = new RedlockSettings(autoReleaseTime, extensionLimit, retryDelay, clockDriftFactor,
                masterTimeout, raiseOnRedisErrors, acquireBlocking, acquireTimeout, autoRenew, onLeaseLost);
        if (settings.validityNanos() <= 0) {
            throw new IllegalArgumentException("autoReleaseTime " + autoReleaseTime.toMillis() + " ms is not longer than"
                    + " the clock-drift allowance of " + settings.driftNanos() / 1e6 + " ms: the lock could never be valid");
        }
        return settings;
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }
}
