package dev.pottery.jcache;

import dev.pottery.jcache.configuration.LeaseSettings;
import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.jcache.configuration.NearCacheSettings;
import dev.pottery.jcache.configuration.PotteryConfiguration;
import dev.pottery.jcache.configuration.RedisClients;
import dev.pottery.jcache.event.EventSubscriber;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;
import redis.clients.jedis.UnifiedJedis;

/**
 * A JSR-107 {@link CacheManager} over one Redis server (or cluster, through a handed-in client). Managers
 * on the same server and namespace — in this JVM or another — share caches: a cache's entries and its
 * configuration live in Redis.
 *
 * <pre>{@code
 * CachingProvider provider = Caching.getCachingProvider();
 * CacheManager manager = provider.getCacheManager(URI.create("redis://cache-host:6379/0"), null);
 * Cache<String, String> created = manager.createCache("sessions", new MutableConfiguration<>());
 * Cache<String, String> joined = otherManager.getCache("sessions");   // same data, same configuration
 * }</pre>
 *
 * <p>{@link #getCacheNames()} lists the caches this manager has open; {@link #getCache(String)} also opens a
 * cache another manager created, from the configuration recorded in Redis.
 */
public final class PotteryCacheManager implements CacheManager {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final CachingProvider provider;
    private final Consumer<PotteryCacheManager> onClose;
    private final URI uri;
    private final ClassLoader classLoader;
    private final Properties properties;
    private final ManagerSettings settings;
    private final UnifiedJedis redis;
    private final boolean ownsClient;
    private final ConcurrentMap<String, OpenCache<?, ?>> caches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService maintenance;
    private final ExecutorService loaders;
    private final CacheFactory factory;
    private final CacheRecords records;
    private EventSubscriber subscriber;
    private volatile boolean closed;

    /**
     * Made by the caching provider: {@code registered} is a client registered for this URI, or null, and
     * {@code onClose} is told when the manager closes (the provider then forgets it).
     */
    public PotteryCacheManager(CachingProvider provider, URI uri, ClassLoader classLoader, Properties properties,
                               UnifiedJedis registered, Consumer<PotteryCacheManager> onClose) {
        this.provider = provider;
        this.onClose = onClose;
        this.uri = uri;
        this.classLoader = classLoader;
        this.properties = properties;
        this.settings = ManagerSettings.of(uri, properties, registered);
        this.ownsClient = settings.client() == null;
        this.redis = ownsClient ? RedisClients.create(settings) : settings.client();
        LeaseSettings leases = LeaseSettings.of(properties);
        this.maintenance = Executors.newSingleThreadScheduledExecutor(daemon("pottery-jcache-maintenance"));
        this.loaders = Executors.newCachedThreadPool(daemon("pottery-jcache-load"));
        this.factory = new CacheFactory(this, redis, settings, leases, NearCacheSettings.managerDefault(properties),
                classLoader, this::subscriber, loaders);
        this.records = new CacheRecords(factory, settings.namespace(), classLoader, settings.serializationAllow());
        long renewal = Math.max(1, leases.leaseMillis() / 3);
        maintenance.scheduleWithFixedDelay(() -> maintain(false), renewal, renewal, TimeUnit.MILLISECONDS);
        if (settings.sweepIntervalMillis() > 0) {
            maintenance.scheduleWithFixedDelay(() -> maintain(true), settings.sweepIntervalMillis(),
                    settings.sweepIntervalMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public CachingProvider getCachingProvider() {
        return provider;
    }

    @Override
    public URI getURI() {
        return uri;
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    /** The settings this manager runs with. */
    public ManagerSettings settings() {
        return settings;
    }

    /** The Redis client this manager's caches talk through. */
    public UnifiedJedis redis() {
        return redis;
    }

    /**
     * Creates (or joins, if another manager already created it in Redis) a cache and records its
     * configuration in Redis.
     *
     * @throws CacheException if this manager already has a cache of that name
     */
    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
        checkOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        Objects.requireNonNull(configuration, "configuration");
        synchronized (caches) {
            if (caches.containsKey(cacheName)) {
                throw new CacheException("cache " + cacheName + " already exists in " + ManagerSettings.shown(uri));
            }
            OpenCache<K, V> cache = open(cacheName, toPottery(configuration));
            try {
                records.record(cacheName, cache.recorded(), cache.store());
            } catch (RuntimeException e) {
                cache.cache().shutDown();
                throw e;
            }
            caches.put(cacheName, cache);
            return cache.cache();
        }
    }

    @Override
    public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
        checkOpen();
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Cache<K, V> cache = getCache(cacheName);
        if (cache == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        CompleteConfiguration<K, V> configuration = cache.getConfiguration(CompleteConfiguration.class);
        if (!configuration.getKeyType().equals(keyType)) {
            throw new ClassCastException("cache " + cacheName + " has keys of type " + configuration.getKeyType().getName()
                    + ", not " + keyType.getName());
        }
        if (!configuration.getValueType().equals(valueType)) {
            throw new ClassCastException("cache " + cacheName + " has values of type "
                    + configuration.getValueType().getName() + ", not " + valueType.getName());
        }
        return cache;
    }

    /** The cache of that name: open here, or recorded in Redis by another manager; null if neither. */
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String cacheName) {
        checkOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        OpenCache<?, ?> cache = caches.get(cacheName);
        if (cache != null) {
            return (Cache<K, V>) cache.cache();
        }
        synchronized (caches) {
            cache = caches.get(cacheName);
            if (cache == null) {
                cache = openRecorded(cacheName);
            }
            return cache == null ? null : (Cache<K, V>) cache.cache();
        }
    }

    private <K, V> OpenCache<K, V> openRecorded(String cacheName) {
        PotteryConfiguration<K, V> recorded = records.read(cacheName);
        if (recorded == null) {
            return null;
        }
        OpenCache<K, V> cache = open(cacheName, recorded);
        caches.put(cacheName, cache);
        return cache;
    }

    @Override
    public Iterable<String> getCacheNames() {
        checkOpen();
        return Collections.unmodifiableSet(new LinkedHashSet<>(caches.keySet()));
    }

    /** Closes the cache and deletes its entries and recorded configuration from Redis. */
    @Override
    public void destroyCache(String cacheName) {
        checkOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        synchronized (caches) {
            OpenCache<?, ?> cache = caches.remove(cacheName);
            if (cache != null) {
                cache.cache().shutDown();
            }
            records.destroy(cacheName, cache == null ? null : cache.store());
        }
    }

    @Override
    public void enableManagement(String cacheName, boolean enabled) {
        checkOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        OpenCache<?, ?> cache = caches.get(cacheName);
        if (cache != null) {
            cache.lifecycle().management(enabled);
        }
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        checkOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        OpenCache<?, ?> cache = caches.get(cacheName);
        if (cache != null) {
            cache.lifecycle().statistics(enabled);
        }
    }

    /** Closes every cache (their data stays in Redis) and, if this manager created it, the client. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (caches) {
            if (closed) {
                return;
            }
            closed = true;
            onClose.accept(this);
            for (OpenCache<?, ?> cache : new ArrayList<>(caches.values())) {
                cache.cache().shutDown();
            }
            caches.clear();
        }
        maintenance.shutdownNow();
        loaders.shutdown();
        synchronized (this) {
            if (subscriber != null) {
                subscriber.close();
            }
        }
        if (ownsClient) {
            redis.close();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isAssignableFrom(getClass())) {
            return clazz.cast(this);
        }
        if (clazz.isInstance(redis)) {
            return clazz.cast(redis);
        }
        throw new IllegalArgumentException("cache manager " + ManagerSettings.shown(uri) + " cannot be unwrapped to "
                + clazz.getName());
    }

    @Override
    public String toString() {
        return "PotteryCacheManager[" + ManagerSettings.shown(uri) + ", namespace "
                + ManagerSettings.shown(settings.namespace()) + "]";
    }

    private void forget(PotteryCache<?, ?> cache) {
        caches.computeIfPresent(cache.getName(), (name, open) -> open.cache() == cache ? null : open);
    }

    /** The subscription to cache events published in Redis, started when the first cache listens. */
    synchronized EventSubscriber subscriber() {
        if (subscriber == null) {
            subscriber = new EventSubscriber(redis, settings.keyPrefix(), settings.timeoutMillis());
        }
        return subscriber;
    }

    private <K, V> OpenCache<K, V> open(String cacheName, PotteryConfiguration<K, V> configuration) {
        return factory.create(cacheName, configuration, this::forget);
    }

    private static <K, V> PotteryConfiguration<K, V> toPottery(Configuration<K, V> configuration) {
        PotteryConfiguration<K, V> pottery;
        if (configuration instanceof CompleteConfiguration<K, V> complete) {
            pottery = new PotteryConfiguration<>(complete);
        } else {
            pottery = new PotteryConfiguration<>();
            pottery.setTypes(configuration.getKeyType(), configuration.getValueType());
            pottery.setStoreByValue(configuration.isStoreByValue());
        }
        // Store-by-reference is an optional feature Pottery does not offer (a Redis cache holds bytes, not
        // objects). A configuration asking for it is kept as given (the TCK expects the MXBean to report what
        // was configured), but the cache stores by value all the same.
        return pottery;
    }

    /** Renews the leases the caches hold and, when {@code sweep}, reclaims expired entries. */
    private void maintain(boolean sweep) {
        for (OpenCache<?, ?> cache : caches.values()) {
            try {
                cache.lifecycle().maintain(sweep);
            } catch (RuntimeException e) {
                // A failed round (Redis briefly away, a listener throwing) is retried at the next interval.
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("cache manager " + ManagerSettings.shown(uri) + " is closed");
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name + "-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
