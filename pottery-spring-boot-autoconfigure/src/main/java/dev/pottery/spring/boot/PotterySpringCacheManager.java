package dev.pottery.spring.boot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.CacheManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.Cache;
import org.springframework.cache.jcache.JCacheCache;
import org.springframework.cache.jcache.JCacheCacheManager;

/**
 * Spring's {@link JCacheCacheManager} over Pottery's JCache manager, creating a cache the first time Spring
 * asks for a name it does not know (Spring's own returns {@code null}: "Cannot find cache named"). Each cache
 * gets the configuration of {@link CacheConfigurations}; another instance of the application that created the
 * same cache in Redis is joined, not replaced.
 *
 * <pre>{@code
 * @Cacheable("books")            // the first call creates the Redis cache "books" (1 round trip, once)
 * public Book find(String isbn) { ... }
 * }</pre>
 */
final class PotterySpringCacheManager extends JCacheCacheManager {

    private final CacheConfigurations configurations;
    private final Collection<String> createAtStartup;
    private final ObjectProvider<CacheCreatedListener> listeners;
    private final Map<String, Cache> created = new ConcurrentHashMap<>();

    PotterySpringCacheManager(CacheManager cacheManager, CacheConfigurations configurations,
                              Collection<String> createAtStartup, ObjectProvider<CacheCreatedListener> listeners) {
        super(cacheManager);
        this.configurations = configurations;
        this.createAtStartup = List.copyOf(createAtStartup);
        this.listeners = listeners;
    }

    /** Creates the caches named in the settings, then loads every cache the JCache manager has open. */
    @Override
    protected Collection<Cache> loadCaches() {
        for (String name : createAtStartup) {
            open(name);
        }
        return new ArrayList<>(super.loadCaches());
    }

    /**
     * The cache {@code name}, created on first use. Spring calls this outside its own lock, so several threads
     * asking for a new name at once all get here: the first creates the cache (and tells the listeners), the
     * others get that same cache.
     */
    @Override
    protected Cache getMissingCache(String name) {
        return created.computeIfAbsent(name, missing -> {
            Cache cache = new JCacheCache(open(missing), isAllowNullValues());
            listeners.orderedStream().forEach(listener -> listener.created(cache));
            return cache;
        });
    }

    /** This manager's cache of that name, created (or joined) with its configuration if it is not open yet. */
    private synchronized javax.cache.Cache<Object, Object> open(String name) {
        CacheManager jcache = getCacheManager();
        for (String open : jcache.getCacheNames()) {
            if (open.equals(name)) {
                return jcache.getCache(name);
            }
        }
        return jcache.createCache(name, configurations.forCache(name));
    }
}
