package dev.pottery.spring.boot;

import org.springframework.cache.Cache;

/**
 * Told about each cache {@link PotterySpringCacheManager} creates on first use, after startup (the cache
 * meters bind it). A bean of the application context.
 *
 * <pre>{@code
 * CacheCreatedListener bindMeters = cache -> registrar.bindCacheToRegistry(cache);
 * }</pre>
 */
@FunctionalInterface
interface CacheCreatedListener {

    /** Called once per cache, by the thread that first asked for it. */
    void created(Cache cache);
}
