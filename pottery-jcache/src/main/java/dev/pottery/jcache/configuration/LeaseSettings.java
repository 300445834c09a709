package dev.pottery.jcache.configuration;

import java.util.Properties;

/**
 * How long a cache manager's entry leases last and how long an operation waits for one that another process
 * holds. A lease guards an entry while a CacheWriter, a CacheLoader or an entry processor runs on it (see the
 * README's "Exactly once"); it is renewed every third of its time while held, so it only expires when its
 * holder stops (a crash, a long pause).
 *
 * <pre>{@code
 * pottery.lease.millis = 10000        # a crashed holder blocks its entry for at most this long
 * pottery.lease.wait.millis = 30000   # then LeaseTimeoutException
 * }</pre>
 *
 * @param leaseMillis how long a lease lasts unless renewed (ms, at least 100)
 * @param waitMillis how long an operation waits for a lease before it throws {@code LeaseTimeoutException} (ms)
 */
public record LeaseSettings(long leaseMillis, long waitMillis) {

    /** Property giving the lease time in ms (default 10,000). */
    public static final String LEASE = "pottery.lease.millis";
    /** Property giving the longest wait for a lease in ms (default 30,000). */
    public static final String LEASE_WAIT = "pottery.lease.wait.millis";

    /** Checks the values. */
    public LeaseSettings {
        if (leaseMillis < 100) {
            throw new IllegalArgumentException("property " + LEASE + " must be at least 100 (ms), not " + leaseMillis);
        }
        if (waitMillis < 0) {
            throw new IllegalArgumentException("property " + LEASE_WAIT + " may not be negative, not " + waitMillis);
        }
    }

    /** The settings in {@code properties}, with the defaults for those absent. */
    public static LeaseSettings of(Properties properties) {
        return new LeaseSettings(ManagerSettings.intProperty(properties, LEASE, 10_000),
                ManagerSettings.intProperty(properties, LEASE_WAIT, 30_000));
    }
}
