package dev.pottery.jcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.pottery.jcache.configuration.NearCacheSettings;
import dev.pottery.jcache.event.SubscriptionListener;
import dev.pottery.jcache.management.PotteryCacheStatistics;
import java.util.concurrent.TimeUnit;

/**
 * One cache's near cache in this JVM: entries read recently, kept in a bounded Caffeine cache so that reading
 * them again costs no round trip.
 *
 * <p>It never serves a value older than the last change the cache's channel announced:
 * <ul>
 *   <li>a read reserves its key before it asks Redis, and stores what Redis answered only if nothing
 *       invalidated the key meanwhile (an invalidation removes the reservation);</li>
 *   <li>this JVM's own writes invalidate their keys when their script returns ({@link Invalidations});</li>
 *   <li>every other process's changes arrive as events on the cache's channel and invalidate their keys;</li>
 *   <li>when the subscription to that channel is lost, the near cache empties and stops serving until it is
 *       live again (then it empties once more, for what it may have missed meanwhile);</li>
 *   <li>an entry is kept no longer than its remaining life in Redis at the time it was read, nor than the
 *       configured maximum age.</li>
 * </ul>
 *
 * <pre>{@code
 * Object held = near.lookup(k);                      // a hit: no round trip
 * Object ticket = near.reserve(k);                   // a miss: reserve, read Redis, then
 * near.fill(k, ticket, bytes, remainingMillis);       // kept only if no invalidation came between
 * }</pre>
 *
 * <p>What it keeps is the decoded value for immutable value types (String, the boxed scalars, UUID), else the
 * encoded bytes, decoded again on each hit, so that a caller changing the object it got does not change the
 * cache (store-by-value).
 */
final class NearCache implements NearReads, Invalidations, SubscriptionListener {

    /** A key's reservation while a read asks Redis; compared by identity. */
    private static final class Reservation {
    }

    /** A kept value (decoded object or encoded bytes) and when it must be dropped. */
    private record Kept(Object value, long expiresAtNanos) {
    }

    /** How long a reservation may outlive a read that failed without releasing it. */
    private static final long RESERVATION_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Cache<EncodedKey, Object> entries;
    private final long maxAgeNanos;
    private final PotteryCacheStatistics statistics;
    private final boolean keepsObjects;
    private volatile boolean serving;

    /** A near cache of these settings; {@code keepsObjects}: the value type is immutable, keep decoded values. */
    NearCache(NearCacheSettings settings, PotteryCacheStatistics statistics, boolean keepsObjects) {
        this.maxAgeNanos = TimeUnit.MILLISECONDS.toNanos(settings.maxAgeMillis());
        this.statistics = statistics;
        this.keepsObjects = keepsObjects;
        this.entries = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfter(new Expiry<EncodedKey, Object>() {
                    @Override
                    public long expireAfterCreate(EncodedKey key, Object held, long now) {
                        return held instanceof Kept kept ? Math.max(0, kept.expiresAtNanos - now) : RESERVATION_NANOS;
                    }

                    @Override
                    public long expireAfterUpdate(EncodedKey key, Object held, long now, long remaining) {
                        return expireAfterCreate(key, held, now);
                    }

                    @Override
                    public long expireAfterRead(EncodedKey key, Object held, long now, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    /** The kept value or bytes of {@code key}, or null (absent, being read, or not serving); counts hit or miss. */
    @Override
    public Object lookup(byte[] key) {
        if (!serving) {
            return null;
        }
        Object held = entries.getIfPresent(new EncodedKey(key));
        if (held instanceof Kept kept && kept.expiresAtNanos - System.nanoTime() > 0) {
            statistics.recordNearHit();
            return kept.value;
        }
        statistics.recordNearMiss();
        return null;
    }

    /** Reserves {@code key} before a read asks Redis; the ticket to fill it with, or null if it cannot be kept. */
    @Override
    public Object reserve(byte[] key) {
        if (!serving) {
            return null;
        }
        Reservation ticket = new Reservation();
        Object before = entries.asMap().putIfAbsent(new EncodedKey(key), ticket);
        return before == null ? ticket : null;
    }

    /**
     * Keeps what a read found for {@code key} (a decoded value or the bytes), for at most
     * {@code remainingMillis} (the entry's remaining life in Redis; negative for none), if the reservation
     * {@code ticket} still stands; else (an invalidation came in between) keeps nothing.
     */
    @Override
    public void fill(byte[] key, Object ticket, Object value, long remainingMillis) {
        if (ticket == null) {
            return;
        }
        long life = remainingMillis < 0 ? maxAgeNanos
                : Math.min(maxAgeNanos, TimeUnit.MILLISECONDS.toNanos(Math.max(0, remainingMillis - 1)));
        if (value == null || life <= 0) {
            release(key, ticket);
            return;
        }
        entries.asMap().replace(new EncodedKey(key), ticket, new Kept(value, System.nanoTime() + life));
    }

    /** Gives up a reservation (the read found nothing, or failed). */
    @Override
    public void release(byte[] key, Object ticket) {
        if (ticket != null) {
            entries.asMap().remove(new EncodedKey(key), ticket);
        }
    }

    @Override
    public boolean keepsObjects() {
        return keepsObjects;
    }

    @Override
    public boolean present() {
        return true;
    }

    @Override
    public void invalidate(byte[] key) {
        if (entries.asMap().remove(new EncodedKey(key)) instanceof Kept) {
            statistics.recordNearInvalidation();
        }
    }

    @Override
    public void invalidateAll() {
        long kept = entries.asMap().values().stream().filter(Kept.class::isInstance).count();
        entries.invalidateAll();
        if (kept > 0) {
            statistics.recordNearInvalidations(kept);
        }
    }

    /** The subscription is live: what was kept may have missed events, so start empty, then serve. */
    @Override
    public void onSubscribed() {
        invalidateAll();
        serving = true;
    }

    /** The subscription is lost: stop serving, and empty, until it is live again. */
    @Override
    public void onConnectionLost(Throwable cause) {
        serving = false;
        invalidateAll();
    }

    /** Stops serving for good (the cache is closing). */
    void close() {
        serving = false;
        entries.invalidateAll();
    }

    /** How many entries (and reservations) it holds now. */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
