package dev.pottery.jcache.metrics;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.jcache.management.PotteryCacheStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import javax.cache.Cache;
import javax.cache.CacheManager;

/**
 * A Micrometer {@code MeterBinder} for one Pottery cache, reading this JVM's statistics of the cache directly
 * (no JMX). Meter names and tags are those of Micrometer's own {@code JCacheMetrics}, so dashboards built for
 * other JCache providers keep working:
 *
 * <pre>{@code
 * Cache<String, Book> books = manager.getCache("books");      // statistics enabled in its configuration
 * PotteryCacheMetrics.monitor(registry, books);
 * // cache.gets{result=hit|miss}, cache.puts, cache.removals, cache.evictions,
 * // cache.gets.latency, cache.puts.latency, cache.removals.latency  -- tags: cache, cacheManager
 *
 * PotteryCacheMetrics.monitorAll(registry, manager);         // every cache the manager has open
 * }</pre>
 *
 * <p>The counters move only while the cache's statistics are enabled ({@code setStatisticsEnabled(true)},
 * {@code cache.<name>.statistics = true} in a configuration file, or
 * {@code CacheManager.enableStatistics}); they count what this JVM did, not the whole Redis cache.
 * Evictions are always 0 (Pottery never evicts; entries expire). No {@code cache.size} gauge: the size
 * of a Redis cache is a server call, not something to make on every scrape.
 */
public final class PotteryCacheMetrics extends CacheMeterBinder<PotteryCacheStatistics> {

    private final Tags latencyTags;

    /** Meters for {@code cache}, tagged with {@code cache}, {@code cacheManager} (its URI) and {@code tags}. */
    public PotteryCacheMetrics(Cache<?, ?> cache, Iterable<Tag> tags) {
        this(cache, statisticsOf(cache), Tags.of(tags).and("cacheManager", managerName(cache)));
    }

    private PotteryCacheMetrics(Cache<?, ?> cache, PotteryCacheStatistics statistics, Tags tags) {
        super(statistics, cache.getName(), tags);
        this.latencyTags = tags.and("cache", cache.getName());
    }

    /** Binds meters for {@code cache} to {@code registry}; returns the cache. */
    public static <C extends Cache<?, ?>> C monitor(MeterRegistry registry, C cache, String... tags) {
        new PotteryCacheMetrics(cache, Tags.of(tags)).bindTo(registry);
        return cache;
    }

    /** Binds meters for every cache {@code manager} has open now. */
    public static void monitorAll(MeterRegistry registry, CacheManager manager, String... tags) {
        for (String name : manager.getCacheNames()) {
            Cache<?, ?> cache = manager.getCache(name);
            if (cache != null) {
                monitor(registry, cache, tags);
            }
        }
    }

    @Override
    protected Long size() {
        return null;
    }

    @Override
    protected long hitCount() {
        return statistics(PotteryCacheStatistics::getCacheHits);
    }

    @Override
    protected Long missCount() {
        return statistics(PotteryCacheStatistics::getCacheMisses);
    }

    @Override
    protected Long evictionCount() {
        return statistics(PotteryCacheStatistics::getCacheEvictions);
    }

    @Override
    protected long putCount() {
        return statistics(PotteryCacheStatistics::getCachePuts);
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
        PotteryCacheStatistics statistics = getCache();
        if (statistics == null) {
            return;
        }
        FunctionCounter.builder("cache.removals", statistics, PotteryCacheStatistics::getCacheRemovals)
                .tags(latencyTags).description("Cache removals").register(registry);
        timer(registry, "cache.gets.latency", "Time spent in cache lookups", statistics,
                PotteryCacheStatistics::getCacheGets, PotteryCacheStatistics::getTimeNanos);
        timer(registry, "cache.puts.latency", "Time spent in cache puts", statistics,
                PotteryCacheStatistics::getCachePuts, PotteryCacheStatistics::putTimeNanos);
        timer(registry, "cache.removals.latency", "Time spent in cache removals", statistics,
                PotteryCacheStatistics::getCacheRemovals, PotteryCacheStatistics::removeTimeNanos);
        FunctionCounter.builder("cache.near.gets", statistics, PotteryCacheStatistics::getNearCacheHits)
                .tags(latencyTags).tag("result", "hit")
                .description("Reads the near cache answered in this JVM").register(registry);
        FunctionCounter.builder("cache.near.gets", statistics, PotteryCacheStatistics::getNearCacheMisses)
                .tags(latencyTags).tag("result", "miss")
                .description("Reads the near cache sent to Redis").register(registry);
        FunctionCounter.builder("cache.near.invalidations", statistics, PotteryCacheStatistics::getNearCacheInvalidations)
                .tags(latencyTags).description("Near cache entries dropped because the entry changed").register(registry);
    }

    private void timer(MeterRegistry registry, String name, String description, PotteryCacheStatistics statistics,
                       ToLongFunction<PotteryCacheStatistics> count, ToDoubleFunction<PotteryCacheStatistics> nanos) {
        FunctionTimer.builder(name, statistics, count, nanos, TimeUnit.NANOSECONDS)
                .tags(latencyTags).description(description).register(registry);
    }

    private long statistics(ToLongFunction<PotteryCacheStatistics> read) {
        PotteryCacheStatistics statistics = getCache();
        return statistics == null ? 0 : read.applyAsLong(statistics);
    }

    private static PotteryCacheStatistics statisticsOf(Cache<?, ?> cache) {
        try {
            return cache.unwrap(PotteryCacheStatistics.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cache " + cache.getName() + " is not a Pottery cache ("
                    + cache.getClass().getName() + "); use Micrometer's JCacheMetrics for it", e);
        }
    }

    private static String managerName(Cache<?, ?> cache) {
        CacheManager manager = cache.getCacheManager();
        return manager == null || manager.getURI() == null ? "none" : ManagerSettings.shown(manager.getURI());
    }
}
