package dev.pottery.jcache;

import dev.pottery.codec.Codec;
import dev.pottery.codec.CodecException;
import dev.pottery.codec.SerializingCodec;
import dev.pottery.jcache.configuration.ConfigRecord;
import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.jcache.configuration.PotteryConfiguration;
import dev.pottery.jcache.configuration.RedisClients;
import dev.pottery.jcache.event.EventSubscriber;
import dev.pottery.jcache.spi.PotteryCachingProvider;
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

    private final PotteryCachingProvider provider;
    private final URI uri;
    private final ClassLoader classLoader;
    private final Properties properties;
    private final ManagerSettings settings;
    private final UnifiedJedis redis;
    private final boolean ownsClient;
    private final ConcurrentMap<String, PotteryCache<?, ?>> caches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private final ExecutorService loaders;
    private EventSubscriber subscriber;
    private volatile boolean closed;

    /** Made by {@link PotteryCachingProvider}; {@code registered} is a client registered for this URI, or null. */
    public PotteryCacheManager(PotteryCachingProvider provider, URI uri, ClassLoader classLoader,
                               Properties properties, UnifiedJedis registered) {
        this.provider = provider;
        this.uri = uri;
        this.classLoader = classLoader;
        this.properties = properties;
        this.settings = ManagerSettings.of(uri, properties, registered);
        this.ownsClient = settings.client() == null;
        this.redis = ownsClient ? RedisClients.create(settings) : settings.client();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("pottery-jcache-sweep"));
        this.loaders = Executors.newCachedThreadPool(daemon("pottery-jcache-load"));
        if (settings.sweepIntervalMillis() > 0) {
            sweeper.scheduleWithFixedDelay(this::sweep, settings.sweepIntervalMillis(),
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
            PotteryConfiguration<K, V> pottery = toPottery(configuration);
            PotteryCache<K, V> cache = open(cacheName, pottery);
            cache.store().writeConfig(ConfigRecord.encode(pottery));
            caches.put(cacheName, cache);
            return cache;
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
        PotteryCache<?, ?> cache = caches.get(cacheName);
        if (cache != null) {
            return (Cache<K, V>) cache;
        }
        synchronized (caches) {
            cache = caches.get(cacheName);
            if (cache == null) {
                cache = openRecorded(cacheName);
            }
            return (Cache<K, V>) cache;
        }
    }

    private <K, V> PotteryCache<K, V> openRecorded(String cacheName) {
        CacheStore<Object, Object> probe = store(cacheName, null, null);
        byte[] record = probe.readConfig();
        if (record == null) {
            return null;
        }
        CompleteConfiguration<K, V> recorded;
        try {
            recorded = ConfigRecord.decode(record, classLoader, settings.serializationAllow());
        } catch (CodecException e) {
            throw new CacheException("cannot read the configuration of " + probe.where() + " recorded at "
                    + probe.keys().config() + ": " + e.getMessage(), e);
        }
        PotteryCache<K, V> cache = open(cacheName, new PotteryConfiguration<>(recorded));
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
            PotteryCache<?, ?> cache = caches.remove(cacheName);
            if (cache != null) {
                cache.shutDown();
                cache.store().destroy();
            } else {
                store(cacheName, null, null).destroy();
            }
        }
    }

    @Override
    public void enableManagement(String cacheName, boolean enabled) {
        checkOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        PotteryCache<?, ?> cache = caches.get(cacheName);
        if (cache != null) {
            cache.setManagementEnabled(enabled);
        }
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        checkOpen();
        Objects.requireNonNull(cacheName, "cacheName");
        PotteryCache<?, ?> cache = caches.get(cacheName);
        if (cache != null) {
            cache.setStatisticsEnabled(enabled);
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
            provider.release(this);
            for (PotteryCache<?, ?> cache : new ArrayList<>(caches.values())) {
                cache.shutDown();
            }
            caches.clear();
        }
        sweeper.shutdownNow();
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
        return "PotteryCacheManager[" + ManagerSettings.shown(uri) + ", namespace " + settings.namespace() + "]";
    }

    // ---- package

    void forget(PotteryCache<?, ?> cache) {
        caches.remove(cache.getName(), cache);
    }

    ExecutorService executor() {
        return loaders;
    }

    /** The subscription to cache events published in Redis, started when the first cache listens. */
    synchronized EventSubscriber subscriber() {
        if (subscriber == null) {
            subscriber = new EventSubscriber(redis, settings.keyPrefix(), settings.timeoutMillis());
        }
        return subscriber;
    }

    private <K, V> PotteryCache<K, V> open(String cacheName, PotteryConfiguration<K, V> configuration) {
        Codec<K> keys = configuration.keyCodec() != null ? configuration.keyCodec() : defaultCodec(configuration);
        Codec<V> values = configuration.valueCodec() != null ? configuration.valueCodec() : defaultCodec(configuration);
        CacheStore<K, V> store = store(cacheName, keys, values, configuration.namespace());
        return new PotteryCache<>(this, cacheName, configuration, store);
    }

    private <K, V> CacheStore<K, V> store(String cacheName, Codec<K> keyCodec, Codec<V> valueCodec) {
        return store(cacheName, keyCodec, valueCodec, null);
    }

    private <K, V> CacheStore<K, V> store(String cacheName, Codec<K> keyCodec, Codec<V> valueCodec, String namespace) {
        CacheKeys keys = CacheKeys.of(settings.keyPrefix(), namespace == null ? settings.namespace() : namespace,
                cacheName);
        Codec<K> k = keyCodec != null ? keyCodec : defaultCodec(null);
        Codec<V> v = valueCodec != null ? valueCodec : defaultCodec(null);
        return new CacheStore<>(redis, cacheName, keys, k, v, settings.address());
    }

    /**
     * The default codec: Java serialization, decoding only the JDK's value types, the cache's declared key and
     * value types and what {@link ManagerSettings#SERIALIZATION_ALLOW} allows.
     */
    private <T> Codec<T> defaultCodec(Configuration<?, ?> configuration) {
        SerializingCodec<T> codec = SerializingCodec.<T>with(classLoader).allowPatterns(settings.serializationAllow());
        return configuration == null ? codec : codec.allowTypes(configuration.getKeyType(), configuration.getValueType());
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

    private void sweep() {
        for (PotteryCache<?, ?> cache : caches.values()) {
            try {
                cache.sweep();
            } catch (RuntimeException e) {
                // A failed sweep (Redis briefly away, a listener throwing) is retried at the next interval.
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
