package dev.pottery.jcache;

import dev.pottery.jcache.configuration.PotteryConfiguration;
import dev.pottery.jcache.event.PotteryCacheEntryEvent;
import dev.pottery.jcache.expiry.ExpiryDurations;
import dev.pottery.jcache.integration.ReadThrough;
import dev.pottery.jcache.integration.WriteThrough;
import dev.pottery.jcache.management.JmxRegistration;
import dev.pottery.jcache.management.PotteryCacheMXBean;
import dev.pottery.jcache.management.PotteryCacheStatistics;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.event.EventType;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;
import javax.management.ObjectName;

/**
 * A JSR-107 {@link Cache} whose entries live in Redis. Obtain one from a {@link PotteryCacheManager}.
 *
 * <pre>{@code
 * CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("redis://cache-host:6379"), null);
 * Cache<String, Integer> cache = manager.createCache("scores",
 *         new MutableConfiguration<String, Integer>().setTypes(String.class, Integer.class));
 * cache.put("ada", 3);                      // one round trip (one Lua script by SHA)
 * cache.invoke("ada", (e, a) -> { e.setValue(e.getValue() + 1); return null; });   // atomic across JVMs
 * }</pre>
 *
 * <p>Each single-entry operation is one script that checks expiry, changes the entry and reports what
 * happened; statistics, events and writers act on that report. Batches are one script per call. With a
 * CacheWriter, the conditional operations (putIfAbsent, replace, remove(k, v)) read first and write back
 * with a check, as the writer must run before the cache changes: two round trips.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class PotteryCache<K, V> implements Cache<K, V> {

    private static final int SWEEP_BATCH = 256;
    private static final int SWEEP_ROUNDS = 16;

    private final PotteryCacheManager manager;
    private final String name;
    private final PotteryConfiguration<K, V> configuration;
    private final CacheStore<K, V> store;
    private final ExpiryDurations expiry;
    private final ReadThrough<K, V> loader;
    private final WriteThrough<K, V> writer;
    private final CacheEvents<K, V> events;
    private final PotteryCacheStatistics statistics = new PotteryCacheStatistics();
    private final OperationStatistics operationStatistics = new OperationStatistics(this);
    private final PotteryCacheMXBean mxBean;
    private final List<Object> closeables = new ArrayList<>();
    private final WriteOperations<K, V> writes;
    private final BulkOperations<K, V> bulk;
    private final EntryProcessorRunner<K, V> processors;
    private volatile boolean closed;

    PotteryCache(PotteryCacheManager manager, String name, PotteryConfiguration<K, V> configuration,
                 CacheStore<K, V> store) {
        this.manager = manager;
        this.name = name;
        this.configuration = configuration;
        this.store = store;
        this.expiry = ExpiryDurations.of(configuration.getExpiryPolicyFactory().create());
        closeables.add(expiry.policy());
        if (configuration.getCacheLoaderFactory() != null) {
            this.loader = new ReadThrough<>(configuration.getCacheLoaderFactory().create(), store.where());
            closeables.add(loader.loader());
        } else {
            this.loader = null;
        }
        if (configuration.isWriteThrough() && configuration.getCacheWriterFactory() != null) {
            this.writer = new WriteThrough<>(configuration.getCacheWriterFactory().create(), store.where());
            closeables.add(writer.writer());
        } else {
            this.writer = null;
        }
        this.events = new CacheEvents<>(this, store, manager::subscriber);
        for (CacheEntryListenerConfiguration<K, V> listener : configuration.getCacheEntryListenerConfigurations()) {
            events.register(listener);
        }
        this.mxBean = new PotteryCacheMXBean(() -> configuration);
        this.writes = new WriteOperations<>(this);
        this.bulk = new BulkOperations<>(this);
        this.processors = new EntryProcessorRunner<>(this);
        if (configuration.isManagementEnabled()) {
            JmxRegistration.register(mxBean, objectName("CacheConfiguration"));
        }
        if (configuration.isStatisticsEnabled()) {
            JmxRegistration.register(statistics, objectName("CacheStatistics"));
        }
    }

    // ---- reads

    @Override
    public V get(K key) {
        checkOpen();
        checkKey(key);
        long start = System.nanoTime();
        List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>(1);
        byte[] k = store.encodeKey(key);
        EntryResult r = store.entry(EntryOp.GET, k, null, null, expiry);
        expired(raised, key, r);
        V value = r.outcome() == Outcome.HIT ? store.decodeValueOf(key, r.value()) : null;
        if (value == null && isReadThrough()) {
            value = loadAndStore(key, k, raised);
        }
        operationStatistics.record(OperationStatistics.Kind.GET, r.outcome(), start);
        events.dispatch(raised);
        return value;
    }

    private V loadAndStore(K key, byte[] k, List<PotteryCacheEntryEvent<K, V>> raised) {
        V loaded = loader.load(key);
        if (loaded == null) {
            return null;
        }
        checkValue(loaded);
        EntryResult stored = store.entry(EntryOp.PUT_IF_ABSENT, k, store.encodeValue(loaded), null, expiry);
        expired(raised, key, stored);
        if (stored.outcome() == Outcome.PRESENT) {
            return store.decodeValueOf(key, stored.value());
        }
        if (stored.outcome() == Outcome.CREATED) {
            raise(raised, EventType.CREATED, key, loaded, null);
        }
        return loaded;
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        checkOpen();
        return bulk.getAll(keys);
    }

    @Override
    public boolean containsKey(K key) {
        checkOpen();
        checkKey(key);
        List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>(1);
        EntryResult r = store.entry(EntryOp.CONTAINS, store.encodeKey(key), null, null, expiry);
        expired(raised, key, r);
        events.dispatch(raised);
        return r.outcome() == Outcome.HIT;
    }

    @Override
    public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener completionListener) {
        checkOpen();
        bulk.loadAll(keys, replaceExistingValues, completionListener);
    }

    // ---- writes (see WriteOperations)

    @Override
    public void put(K key, V value) {
        writes.put(key, value);
    }

    @Override
    public V getAndPut(K key, V value) {
        return writes.getAndPut(key, value);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        checkOpen();
        bulk.putAll(map);
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        return writes.putIfAbsent(key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return writes.replace(key, oldValue, newValue);
    }

    @Override
    public boolean replace(K key, V value) {
        return writes.replace(key, value);
    }

    @Override
    public V getAndReplace(K key, V value) {
        return writes.getAndReplace(key, value);
    }

    @Override
    public boolean remove(K key) {
        return writes.remove(key);
    }

    @Override
    public boolean remove(K key, V oldValue) {
        return writes.remove(key, oldValue);
    }

    @Override
    public V getAndRemove(K key) {
        return writes.getAndRemove(key);
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        checkOpen();
        bulk.removeAll(keys);
    }

    @Override
    public void removeAll() {
        checkOpen();
        bulk.removeAll();
    }

    /** Deletes every entry without events, writer or statistics (one DEL). */
    @Override
    public void clear() {
        checkOpen();
        store.clear();
    }

    // ---- entry processors

    @Override
    public <T> T invoke(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
        checkOpen();
        checkKey(key);
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        return processors.invoke(key, entryProcessor, arguments);
    }

    @Override
    public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> entryProcessor,
                                                         Object... arguments) {
        checkOpen();
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        for (K key : keys) {
            checkKey(key);
        }
        return processors.invokeAll(keys, entryProcessor, arguments);
    }

    // ---- configuration, listeners, lifecycle

    @Override
    public String getName() {
        return name;
    }

    @Override
    public CacheManager getCacheManager() {
        return manager;
    }

    @Override
    public <C extends Configuration<K, V>> C getConfiguration(Class<C> clazz) {
        PotteryConfiguration<K, V> copy = new PotteryConfiguration<>(configuration);
        if (clazz.isInstance(copy)) {
            return clazz.cast(copy);
        }
        throw new IllegalArgumentException("the configuration of cache " + name + " is not a " + clazz.getName());
    }

    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        checkOpen();
        Objects.requireNonNull(listenerConfiguration, "cacheEntryListenerConfiguration");
        events.register(listenerConfiguration);
        configuration.addCacheEntryListenerConfiguration(listenerConfiguration);
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        checkOpen();
        Objects.requireNonNull(listenerConfiguration, "cacheEntryListenerConfiguration");
        if (events.deregister(listenerConfiguration)) {
            configuration.removeCacheEntryListenerConfiguration(listenerConfiguration);
        }
    }

    @Override
    public Iterator<Entry<K, V>> iterator() {
        checkOpen();
        return new EntryIterator<>(this);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        manager.forget(this);
        shutDown();
    }

    /** Closes without telling the manager (the manager is closing or destroying this cache). */
    void shutDown() {
        if (closed) {
            return;
        }
        closed = true;
        bulk.awaitLoads();
        JmxRegistration.unregister(objectName("CacheConfiguration"));
        JmxRegistration.unregister(objectName("CacheStatistics"));
        events.close();
        for (Object resource : closeables) {
            if (resource instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Best effort: one failing resource must not keep the others open.
                }
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed || manager.isClosed();
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isAssignableFrom(getClass())) {
            return clazz.cast(this);
        }
        if (clazz == PotteryCacheStatistics.class) {
            // this JVM's counters, e.g. for dev.pottery.jcache.metrics (kept whether or not JMX shows them)
            return clazz.cast(statistics);
        }
        throw new IllegalArgumentException("cache " + name + " cannot be unwrapped to " + clazz.getName());
    }

    /** Turns statistics (and their MXBean) on or off. */
    void setStatisticsEnabled(boolean enabled) {
        configuration.setStatisticsEnabled(enabled);
        if (enabled) {
            JmxRegistration.register(statistics, objectName("CacheStatistics"));
        } else {
            JmxRegistration.unregister(objectName("CacheStatistics"));
        }
    }

    /** Turns the configuration MXBean on or off. */
    void setManagementEnabled(boolean enabled) {
        configuration.setManagementEnabled(enabled);
        if (enabled) {
            JmxRegistration.register(mxBean, objectName("CacheConfiguration"));
        } else {
            JmxRegistration.unregister(objectName("CacheConfiguration"));
        }
    }

    /**
     * Reclaims expired entries in the background and raises their EXPIRED events: batches of
     * {@value #SWEEP_BATCH} until none is due (at most {@value #SWEEP_ROUNDS} batches per interval, so one
     * cache cannot hold the sweeper). A cache whose policy never sets an expiry is skipped, unless it
     * listens: the sweep also renews its subscriber mark in Redis.
     */
    void sweep() {
        boolean listening = events.isListening();
        if (closed || (expiry.isEternal() && !listening)) {
            return;
        }
        for (int round = 0; round < SWEEP_ROUNDS; round++) {
            List<byte[][]> gone = store.sweep(SWEEP_BATCH, listening && round == 0);
            List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>();
            events.expired(raised, gone);
            events.dispatch(raised);
            if (gone.size() < SWEEP_BATCH) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "PotteryCache[" + name + " at " + store.keys().entries() + "]";
    }

    // ---- shared with the helpers of this package

    CacheStore<K, V> store() {
        return store;
    }

    ExpiryDurations expiry() {
        return expiry;
    }

    ReadThrough<K, V> loader() {
        return loader;
    }

    WriteThrough<K, V> writer() {
        return writer;
    }

    CacheEvents<K, V> events() {
        return events;
    }

    PotteryCacheStatistics statistics() {
        return statistics;
    }

    boolean statisticsOn() {
        return configuration.isStatisticsEnabled();
    }

    boolean isReadThrough() {
        return loader != null && configuration.isReadThrough();
    }

    void checkOpen() {
        if (isClosed()) {
            throw new IllegalStateException("cache " + name + " is closed");
        }
    }

    void checkKey(K key) {
        Objects.requireNonNull(key, "a cache key may not be null");
        Class<K> type = configuration.getKeyType();
        if (type != Object.class && !type.isInstance(key)) {
            throw new ClassCastException(FailureText.key(key) + " is a " + key.getClass().getName() + ", not a "
                    + type.getName() + " as " + store.where() + " requires");
        }
    }

    void checkValue(V value) {
        Objects.requireNonNull(value, "a cache value may not be null");
        Class<V> type = configuration.getValueType();
        if (type != Object.class && !type.isInstance(value)) {
            throw new ClassCastException("value is a " + value.getClass().getName() + ", not a "
                    + type.getName() + " as " + store.where() + " requires");
        }
    }

    void expired(List<PotteryCacheEntryEvent<K, V>> raised, K key, EntryResult r) {
        events.expired(raised, key, r);
    }

    void changed(List<PotteryCacheEntryEvent<K, V>> raised, K key, V value, EntryResult r) {
        events.changed(raised, key, value, r);
    }

    void raise(List<PotteryCacheEntryEvent<K, V>> raised, EventType type, K key, V value, V old) {
        events.raise(raised, type, key, value, old);
    }

    private ObjectName objectName(String type) {
        return JmxRegistration.objectName(type, manager.getURI().toString(), name);
    }
}
