package dev.pottery.jcache.management;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one cache in this JVM, exposed as the spec's {@link javax.cache.management.CacheStatisticsMXBean}.
 *
 * <pre>{@code
 * PotteryCacheStatistics stats = new PotteryCacheStatistics();
 * stats.recordHits(1);
 * stats.getCacheHitPercentage();   // 100.0
 * }</pre>
 *
 * <p>Average times are in microseconds, as the spec says. Evictions are always 0: Pottery never evicts
 * (Redis' own maxmemory eviction happens outside the cache's view). The near cache's counters
 * ({@link PotteryCacheStatisticsMXBean}) count whether or not statistics are enabled.
 */
public final class PotteryCacheStatistics implements PotteryCacheStatisticsMXBean {

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final LongAdder removals = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder getNanos = new LongAdder();
    private final LongAdder putNanos = new LongAdder();
    private final LongAdder removeNanos = new LongAdder();
    private final LongAdder nearHits = new LongAdder();
    private final LongAdder nearMisses = new LongAdder();
    private final LongAdder nearInvalidations = new LongAdder();

    /** Counts cache hits. */
    public void recordHits(long n) {
        hits.add(n);
    }

    /** Counts cache misses. */
    public void recordMisses(long n) {
        misses.add(n);
    }

    /** Counts puts. */
    public void recordPuts(long n) {
        puts.add(n);
    }

    /** Counts removals. */
    public void recordRemovals(long n) {
        removals.add(n);
    }

    /** Adds the duration of a get. */
    public void recordGetTime(long nanos) {
        getNanos.add(nanos);
    }

    /** Adds the duration of a put. */
    public void recordPutTime(long nanos) {
        putNanos.add(nanos);
    }

    /** Adds the duration of a remove. */
    public void recordRemoveTime(long nanos) {
        removeNanos.add(nanos);
    }

    /** Counts a read the near cache answered. */
    public void recordNearHit() {
        nearHits.increment();
    }

    /** Counts a read the near cache could not answer. */
    public void recordNearMiss() {
        nearMisses.increment();
    }

    /** Counts a kept entry the near cache dropped because it changed. */
    public void recordNearInvalidation() {
        nearInvalidations.increment();
    }

    /** Counts kept entries the near cache dropped at once (cleared, or its subscription broke). */
    public void recordNearInvalidations(long n) {
        nearInvalidations.add(n);
    }

    @Override
    public long getNearCacheHits() {
        return nearHits.sum();
    }

    @Override
    public long getNearCacheMisses() {
        return nearMisses.sum();
    }

    @Override
    public long getNearCacheInvalidations() {
        return nearInvalidations.sum();
    }

    @Override
    public void clear() {
        for (LongAdder adder : new LongAdder[] {hits, misses, puts, removals, evictions, getNanos, putNanos, removeNanos,
                nearHits, nearMisses, nearInvalidations}) {
            adder.reset();
        }
    }

    @Override
    public long getCacheHits() {
        return hits.sum();
    }

    @Override
    public float getCacheHitPercentage() {
        long gets = getCacheGets();
        return gets == 0 ? 0f : getCacheHits() * 100f / gets;
    }

    @Override
    public long getCacheMisses() {
        return misses.sum();
    }

    @Override
    public float getCacheMissPercentage() {
        long gets = getCacheGets();
        return gets == 0 ? 0f : getCacheMisses() * 100f / gets;
    }

    @Override
    public long getCacheGets() {
        return hits.sum() + misses.sum();
    }

    @Override
    public long getCachePuts() {
        return puts.sum();
    }

    @Override
    public long getCacheRemovals() {
        return removals.sum();
    }

    @Override
    public long getCacheEvictions() {
        return evictions.sum();
    }

    @Override
    public float getAverageGetTime() {
        return average(getNanos.sum(), getCacheGets());
    }

    @Override
    public float getAveragePutTime() {
        return average(putNanos.sum(), getCachePuts());
    }

    @Override
    public float getAverageRemoveTime() {
        return average(removeNanos.sum(), getCacheRemovals());
    }

    /** Total time spent in gets, in nanoseconds (for timers that want totals rather than averages). */
    public long getTimeNanos() {
        return getNanos.sum();
    }

    /** Total time spent in puts, in nanoseconds. */
    public long putTimeNanos() {
        return putNanos.sum();
    }

    /** Total time spent in removals, in nanoseconds. */
    public long removeTimeNanos() {
        return removeNanos.sum();
    }

    private static float average(long nanos, long count) {
        return count == 0 ? 0f : (nanos / 1000f) / count;
    }
}
