package dev.pottery.jcache.integration;

import dev.pottery.jcache.FailureText;
import java.util.HashMap;
import java.util.Map;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;

/**
 * Calls a cache's {@link CacheLoader}, wrapping its failures in {@link CacheLoaderException}.
 *
 * <pre>{@code
 * ReadThrough<String, User> loader = new ReadThrough<>(userLoader, "cache users (Redis host:6379)");
 * User user = loader.load("ada");   // null if the loader has nothing
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class ReadThrough<K, V> {

    private final CacheLoader<K, V> loader;
    private final String where;

    /** An adapter for {@code loader}; {@code where} names the cache and server in messages. */
    public ReadThrough(CacheLoader<K, V> loader, String where) {
        this.loader = loader;
        this.where = where;
    }

    /** The application's loader. */
    public CacheLoader<K, V> loader() {
        return loader;
    }

    /** Loads one value (null if there is none). */
    public V load(K key) {
        try {
            return loader.load(key);
        } catch (CacheLoaderException e) {
            throw e;
        } catch (Exception e) {
            throw new CacheLoaderException("CacheLoader failed to load " + FailureText.key(key) + " of " + where + ": "
                    + e, e);
        }
    }

    /** Loads many values; keys the loader returns no (or a null) value for are left out. */
    public Map<K, V> loadAll(Iterable<? extends K> keys) {
        Map<K, V> loaded;
        try {
            loaded = loader.loadAll(keys);
        } catch (CacheLoaderException e) {
            throw e;
        } catch (Exception e) {
            throw new CacheLoaderException("CacheLoader failed to load all for " + where + ": " + e, e);
        }
        Map<K, V> present = new HashMap<>();
        if (loaded != null) {
            loaded.forEach((k, v) -> {
                if (k != null && v != null) {
                    present.put(k, v);
                }
            });
        }
        return present;
    }
}
