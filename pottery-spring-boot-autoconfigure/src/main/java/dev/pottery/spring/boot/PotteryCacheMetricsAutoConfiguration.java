package dev.pottery.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.metrics.cache.CacheMetricsAutoConfiguration;
import org.springframework.boot.actuate.metrics.cache.CacheMeterBinderProvider;
import org.springframework.boot.actuate.metrics.cache.CacheMetricsRegistrar;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cache.jcache.JCacheCache;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer cache meters for Pottery's caches, with Spring Boot Actuator and Micrometer present: Spring
 * Boot binds the caches that exist at startup through {@link PotteryCacheMeterBinderProvider}; the caches
 * created later, on first use, are bound when they are created (Spring Boot itself binds only the first kind).
 * The meters count while a cache's statistics are on ({@code pottery.cache.default.statistics}, on by
 * default).
 *
 * <pre>{@code
 * registry.get("cache.gets").tag("cache", "books").tag("result", "hit").functionCounter().count();
 * }</pre>
 */
@AutoConfiguration(after = PotteryCacheAutoConfiguration.class, before = CacheMetricsAutoConfiguration.class)
@ConditionalOnClass({MeterRegistry.class, CacheMeterBinderProvider.class, CacheMetricsAutoConfiguration.class})
@ConditionalOnBean(name = PotteryCacheAutoConfiguration.JCACHE_MANAGER)
public class PotteryCacheMetricsAutoConfiguration {

    /** Spring Boot's tag naming the cache manager bean, as its startup binding sets it. */
    private static final Tag CACHE_MANAGER = Tag.of("cache.manager", "cacheManager");

    /** Pottery's meters for Pottery caches. */
    @Bean
    CacheMeterBinderProvider<JCacheCache> potteryCacheMeterBinderProvider() {
        return new PotteryCacheMeterBinderProvider();
    }

    /** Binds each cache created on first use, when Spring Boot's cache metrics are on. */
    @Bean
    CacheCreatedListener potteryCacheMetricsBinding(ObjectProvider<CacheMetricsRegistrar> registrar) {
        return cache -> registrar.ifAvailable(available -> available.bindCacheToRegistry(cache, CACHE_MANAGER));
    }
}
