package dev.pottery.spring.boot;

import dev.pottery.jcache.management.PotteryCacheStatistics;
import dev.pottery.jcache.metrics.PotteryCacheMetrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.cache.Cache;
import org.springframework.boot.actuate.metrics.cache.CacheMeterBinderProvider;
import org.springframework.cache.jcache.JCacheCache;
import org.springframework.core.Ordered;

/**
 * Gives Spring Boot's cache metrics Pottery's own meters for a Pottery cache ({@link PotteryCacheMetrics}:
 * Micrometer's JCache meter names, read without JMX, plus latencies); other JCache caches are left to Spring
 * Boot's JCache provider, which comes after this one.
 *
 * <pre>{@code
 * cache.gets{cache=books,result=hit}  cache.puts{cache=books}  cache.gets.latency{cache=books} ...
 * }</pre>
 */
final class PotteryCacheMeterBinderProvider implements CacheMeterBinderProvider<JCacheCache>, Ordered {

    @Override
    public MeterBinder getMeterBinder(JCacheCache cache, Iterable<Tag> tags) {
        Cache<Object, Object> jcache = cache.getNativeCache();
        try {
            jcache.unwrap(PotteryCacheStatistics.class);
        } catch (IllegalArgumentException notPottery) {
            return null;
        }
        return new PotteryCacheMetrics(jcache, tags);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
