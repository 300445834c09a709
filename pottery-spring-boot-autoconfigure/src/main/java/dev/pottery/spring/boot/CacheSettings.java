package dev.pottery.spring.boot;

import java.time.Duration;
import java.util.Locale;

/**
 * The settings of one cache, as defaults ({@code pottery.cache.default.*}) or as one cache's overrides
 * ({@code pottery.cache.caches.<name>.*}): a setting left out is inherited from the defaults.
 *
 * <pre>{@code
 * pottery.cache.default.expiry-duration=10m          # expiry "created" is implied by a duration
 * pottery.cache.default.codec=json
 * pottery.cache.caches.sessions.expiry=accessed
 * pottery.cache.caches.sessions.expiry-duration=30m
 * pottery.cache.caches.countries.expiry=eternal
 * pottery.cache.default.near-cache=10000               # each instance keeps up to 10,000 entries it read
 * }</pre>
 *
 * @param expiry Expiry policy of JSR-107: eternal, created, accessed, modified or touched. Default: created
 *     when a duration is given, else eternal.
 * @param expiryDuration How long an entry lives under the expiry policy, for example 10m, 1h or PT30S.
 * @param codec How values are stored: java (serialization, the default) or json.
 * @param statistics Whether the cache keeps JSR-107 statistics, which the Micrometer cache meters read.
 *     Default: true.
 * @param nearCache How many entries each instance keeps in its near cache (reads of them cost no round trip;
 *     every change anywhere invalidates them), or 0 for none. Default: 0. Caches whose expiry is accessed or
 *     touched have none (a read must reach Redis to extend the entry).
 */
public record CacheSettings(Expiry expiry, Duration expiryDuration, ValueCodec codec, Boolean statistics,
                            Integer nearCache) {

    /** Settings that set nothing: everything inherited. */
    static final CacheSettings INHERIT = new CacheSettings(null, null, null, null, null);

    /** The JSR-107 expiry policies, by the name of their standard class. */
    public enum Expiry {
        /** Entries never expire. */
        ETERNAL,
        /** An entry expires the duration after it was created. */
        CREATED,
        /** An entry expires the duration after it was last read or written. */
        ACCESSED,
        /** An entry expires the duration after it was created or last updated. */
        MODIFIED,
        /** An entry expires the duration after it was created, last read or last updated. */
        TOUCHED
    }

    /** Checks that the settings agree with each other. */
    public CacheSettings {
        if (expiryDuration != null && expiryDuration.isNegative()) {
            throw new IllegalArgumentException("expiry-duration must not be negative, not " + expiryDuration);
        }
        if (nearCache != null && nearCache < 0) {
            throw new IllegalArgumentException("near-cache is a number of entries (0 for none), not " + nearCache);
        }
        if (expiry == Expiry.ETERNAL && expiryDuration != null) {
            throw new IllegalArgumentException("expiry 'eternal' takes no expiry-duration (" + expiryDuration
                    + "); remove one of them");
        }
    }

    /** These settings with each one left out taken from {@code base}. */
    CacheSettings over(CacheSettings base) {
        // A duration alone keeps the default policy, unless that is eternal (then it means "created").
        Expiry mergedExpiry = expiry != null ? expiry
                : expiryDuration != null && base.expiry == Expiry.ETERNAL ? null : base.expiry;
        Duration mergedDuration = expiry == Expiry.ETERNAL ? null
                : expiryDuration != null ? expiryDuration : base.expiryDuration;
        return new CacheSettings(mergedExpiry, mergedDuration,
                codec != null ? codec : base.codec,
                statistics != null ? statistics : base.statistics,
                nearCache != null ? nearCache : base.nearCache);
    }

    /** The expiry policy in force: the one named, else {@code created} with a duration, else eternal. */
    Expiry effectiveExpiry() {
        if (expiry != null) {
            return expiry;
        }
        return expiryDuration != null ? Expiry.CREATED : Expiry.ETERNAL;
    }

    /** The codec in force (Java serialization unless one is named). */
    ValueCodec effectiveCodec() {
        return codec != null ? codec : ValueCodec.JAVA;
    }

    /** Whether statistics are on (yes unless turned off). */
    boolean effectiveStatistics() {
        return statistics == null || statistics;
    }

    /**
     * Checks that an expiry policy other than eternal has its duration.
     *
     * @param prefix the properties these settings came from, for the message ({@code pottery.cache.default})
     * @throws IllegalArgumentException naming the policy and the property to set, if the duration is missing
     */
    void requireDuration(String prefix) {
        if (effectiveExpiry() != Expiry.ETERNAL && expiryDuration == null) {
            throw new IllegalArgumentException(prefix + ".expiry '" + expiryName() + "' needs an expiry-duration ("
                    + prefix + ".expiry-duration), for example 10m");
        }
    }

    /** Lower-case name of the expiry in force, for messages. */
    String expiryName() {
        return effectiveExpiry().name().toLowerCase(Locale.ROOT);
    }
}
