/**
 * Expiry: turns a JSR-107 {@link javax.cache.expiry.ExpiryPolicy} into the millisecond durations the Redis
 * scripts apply atomically on the server.
 *
 * <p>The standard policies ({@code Created}, {@code Accessed}, {@code Modified}, {@code Touched},
 * {@code Eternal}) return constants, read once, so every operation is one round trip. Any other policy is
 * asked lazily, exactly when the spec says: the script reports which duration it needs (creation, update or
 * access), the policy is asked for that one, and the script runs again — two round trips.
 */
package dev.pottery.jcache.expiry;
