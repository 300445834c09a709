package dev.pottery.jcache;

import javax.cache.CacheException;

/**
 * An operation gave up waiting for an entry that another thread or process is working on: a write of a
 * write-through cache, a load, or an entry processor that holds the entry's lease longer than the manager's
 * {@code pottery.lease.wait.millis} (default 30,000 ms). Nothing was changed and no writer or loader was
 * called for this operation; it may be retried.
 *
 * <pre>{@code
 * try {
 *     cache.put("order-17", order);
 * } catch (LeaseTimeoutException e) {
 *     // another instance has held order-17 for 30 s (a stuck CacheWriter?); retry later
 * }
 * }</pre>
 */
public class LeaseTimeoutException extends CacheException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the cache and key. */
    public LeaseTimeoutException(String message) {
        super(message);
    }
}
