package dev.pottery.jcache.management;

import javax.cache.management.CacheStatisticsMXBean;

/**
 * The spec's statistics of one cache in this JVM, plus its near cache's: how often a read was answered in
 * this JVM without a round trip, how often it had to ask Redis, and how many kept entries a change (here or in
 * another process) invalidated. Registered under the spec's name
 * ({@code javax.cache:type=CacheStatistics,...}), so JMX clients see these next to the standard attributes.
 *
 * <pre>{@code
 * ObjectName name = new ObjectName("javax.cache:type=CacheStatistics,CacheManager=pottery.orders,Cache=books");
 * long nearHits = (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(name, "NearCacheHits");
 * }</pre>
 */
public interface PotteryCacheStatisticsMXBean extends CacheStatisticsMXBean {

    /** Reads answered by the near cache (also counted in {@link #getCacheHits()}); 0 without a near cache. */
    long getNearCacheHits();

    /** Reads the near cache could not answer (they went to Redis); 0 without a near cache. */
    long getNearCacheMisses();

    /** Kept entries dropped because the entry changed (or the subscription broke); 0 without a near cache. */
    long getNearCacheInvalidations();
}
