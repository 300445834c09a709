package dev.pottery.jcache.configuration;

import java.io.Serializable;
import java.util.Locale;

/**
 * A near cache: the entries a JVM read recently, kept in that JVM (Caffeine) so that reading them again costs
 * no round trip. Every change made anywhere invalidates it (see the README's "Near cache" for the staleness
 * bound), and an entry is never kept past its expiry in Redis nor past {@code maxAgeMillis}.
 *
 * <pre>{@code
 * PotteryConfiguration<String, Book> config = new PotteryConfiguration<String, Book>()
 *         .nearCache(NearCacheSettings.of(50_000));
 * // or in a configuration file:   cache.books.near-cache = 50000
 * // or for every cache a manager creates:   pottery.near-cache = true
 * }</pre>
 *
 * @param maxEntries how many entries a JVM keeps at most (least recently and frequently used go first)
 * @param maxAgeMillis how long a JVM keeps an entry at most, in ms (a bound on staleness should an
 *                     invalidation be lost without the subscription noticing)
 */
public record NearCacheSettings(long maxEntries, long maxAgeMillis) implements Serializable {

    /** Manager property (and system property) giving the near cache of caches that say nothing of theirs. */
    public static final String PROPERTY = "pottery.near-cache";
    /** Manager property (and system property) giving the near cache's maximum age in ms. */
    public static final String MAX_AGE_PROPERTY = "pottery.near-cache.max-age.millis";

    /** 10,000 entries, 60 s. */
    public static final NearCacheSettings DEFAULT = new NearCacheSettings(10_000, 60_000);

    /** Checks the values. */
    public NearCacheSettings {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a near cache keeps at least 1 entry, not " + maxEntries);
        }
        if (maxAgeMillis < 1) {
            throw new IllegalArgumentException("a near cache keeps entries at least 1 ms, not " + maxAgeMillis);
        }
    }

    /** A near cache of at most {@code maxEntries}, kept at most the default 60 s. */
    public static NearCacheSettings of(long maxEntries) {
        return new NearCacheSettings(maxEntries, DEFAULT.maxAgeMillis);
    }

    /**
     * The near cache a manager gives caches that say nothing of theirs: its property {@value #PROPERTY}, else the
     * system property of that name, else none (null); the maximum age from {@value #MAX_AGE_PROPERTY} likewise.
     *
     * @throws IllegalArgumentException naming the property if a value cannot be read
     */
    public static NearCacheSettings managerDefault(java.util.Properties properties) {
        String setting = properties.getProperty(PROPERTY, System.getProperty(PROPERTY));
        if (setting == null || setting.isBlank()) {
            return null;
        }
        String age = properties.getProperty(MAX_AGE_PROPERTY, System.getProperty(MAX_AGE_PROPERTY));
        long maxAge;
        try {
            maxAge = age == null ? DEFAULT.maxAgeMillis : Long.parseLong(age.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + MAX_AGE_PROPERTY + " must be a number of ms, not '" + age
                    + "'", e);
        }
        try {
            return parse(setting, maxAge);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("property " + PROPERTY + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a setting's text: {@code true} (the default size), {@code false} or {@code off} (none: null), or a
     * number of entries; {@code maxAgeMillis} as given.
     *
     * @throws IllegalArgumentException if the text is none of those
     */
    public static NearCacheSettings parse(String text, long maxAgeMillis) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "true", "on" -> {
                return new NearCacheSettings(DEFAULT.maxEntries, maxAgeMillis);
            }
            case "false", "off" -> {
                return null;
            }
            default -> {
                try {
                    return new NearCacheSettings(Long.parseLong(value.replace("_", "")), maxAgeMillis);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a near cache setting is true, false or a number of entries, not '"
                            + text + "'", e);
                }
            }
        }
    }
}
