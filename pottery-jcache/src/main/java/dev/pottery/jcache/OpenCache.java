package dev.pottery.jcache;

/**
 * A cache a manager has open: the {@link PotteryCache} its users hold, and what the manager itself works with
 * — the cache's lifecycle (statistics and management switches, background maintenance) and its Redis command
 * layer (destroyCache deletes its keys).
 *
 * <pre>{@code
 * OpenCache<String, Integer> open = factory.create("scores", configuration, manager::forget);
 * open.lifecycle().statistics(true);   // CacheManager.enableStatistics("scores", true)
 * }</pre>
 *
 * @param cache the cache
 * @param lifecycle its listeners, MXBeans, maintenance and resources
 * @param store its Redis command layer
 * @param recorded its configuration as recorded in Redis: with its codecs' names and its namespace
 * @param <K> key type
 * @param <V> value type
 */
record OpenCache<K, V>(PotteryCache<K, V> cache, CacheLifecycle<K, V> lifecycle, CacheStore store,
                       dev.pottery.jcache.configuration.PotteryConfiguration<K, V> recorded) {
}
