package dev.pottery.jcache;

import dev.pottery.jcache.configuration.PotteryConfiguration;
import dev.pottery.jcache.management.PotteryCacheStatistics;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;

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
 * <p>This class checks that the cache is open and hands each call to the operations built for it, which
 * compute what happened; statistics, events and the writer act on that once. Round trips and the
 * exactly-once guarantees for writers, loaders and entry processors: see the README.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class PotteryCache<K, V> implements Cache<K, V> {

    private final CacheManager manager;
    private final CacheContext<K, V> context;
    private final PotteryConfiguration<K, V> configuration;
    private final ReadOperations<K, V> reads;
    private final WriteOperations<K, V> writes;
    private final BulkOperations<K, V> bulk;
    private final EntryProcessorRunner<K, V> processors;
    private final CacheLifecycle<K, V> lifecycle;
    private final Consumer<PotteryCache<?, ?>> onClose;
    private volatile boolean closed;

    PotteryCache(CacheManager manager, CacheContext<K, V> context, PotteryConfiguration<K, V> configuration,
                 CacheLifecycle<K, V> lifecycle, Consumer<PotteryCache<?, ?>> onClose) {
        this.manager = manager;
        this.context = context;
        this.configuration = configuration;
        this.lifecycle = lifecycle;
        this.onClose = onClose;
        this.reads = new ReadOperations<>(context);
        this.writes = new WriteOperations<>(context);
        this.bulk = new BulkOperations<>(context);
        this.processors = new EntryProcessorRunner<>(context);
        context.events().attach(this);
        lifecycle.start();
    }

    @Override
    public V get(K key) {
        return reads.get(open(key));
    }

    @Override
    public Map<K, V> getAll(Set<? extends K> keys) {
        return reads.getAll(open(keys));
    }

    @Override
    public boolean containsKey(K key) {
        return reads.containsKey(open(key));
    }

    @Override
    public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener completionListener) {
        bulk.loadAll(open(keys), replaceExistingValues, completionListener);
    }

    @Override
    public void put(K key, V value) {
        writes.put(open(key), value);
    }

    @Override
    public V getAndPut(K key, V value) {
        return writes.getAndPut(open(key), value);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        bulk.putAll(open(map));
    }

    @Override
    public boolean putIfAbsent(K key, V value) {
        return writes.putIfAbsent(open(key), value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return writes.replace(open(key), oldValue, newValue);
    }

    @Override
    public boolean replace(K key, V value) {
        return writes.replace(open(key), value);
    }

    @Override
    public V getAndReplace(K key, V value) {
        return writes.getAndReplace(open(key), value);
    }

    @Override
    public boolean remove(K key) {
        return writes.remove(open(key));
    }

    @Override
    public boolean remove(K key, V oldValue) {
        return writes.remove(open(key), oldValue);
    }

    @Override
    public V getAndRemove(K key) {
        return writes.getAndRemove(open(key));
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        bulk.removeAll(open(keys));
    }

    @Override
    public void removeAll() {
        open(bulk).removeAll();
    }

    /** Deletes every entry without events, writer or statistics (one DEL). */
    @Override
    public void clear() {
        open(context.store()).clear();
    }

    @Override
    public <T> T invoke(K key, EntryProcessor<K, V, T> entryProcessor, Object... arguments) {
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        return processors.invoke(open(key), entryProcessor, arguments);
    }

    @Override
    public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> entryProcessor,
                                                         Object... arguments) {
        Objects.requireNonNull(entryProcessor, "entryProcessor");
        return processors.invokeAll(open(keys), entryProcessor, arguments);
    }

    @Override
    public String getName() {
        return context.name();
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
        throw new IllegalArgumentException("the configuration of cache " + getName() + " is not a " + clazz.getName());
    }

    @Override
    public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        lifecycle.register(Objects.requireNonNull(open(listenerConfiguration), "cacheEntryListenerConfiguration"));
    }

    @Override
    public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
        lifecycle.deregister(Objects.requireNonNull(open(listenerConfiguration), "cacheEntryListenerConfiguration"));
    }

    @Override
    public Iterator<Entry<K, V>> iterator() {
        return new EntryIterator<>(open(context), this::checkOpen, writes::remove);
    }

    @Override
    public void close() {
        if (!closed) {
            onClose.accept(this);
            shutDown();
        }
    }

    /** Closes without telling the manager (the manager is closing or destroying this cache). */
    synchronized void shutDown() {
        if (closed) {
            return;
        }
        closed = true;
        bulk.awaitLoads();
        lifecycle.close();
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
            return clazz.cast(context.statistics().counters());
        }
        throw new IllegalArgumentException("cache " + getName() + " cannot be unwrapped to " + clazz.getName());
    }

    @Override
    public String toString() {
        return "PotteryCache[" + getName() + " at " + context.store().keys().entries() + "]";
    }

    private <T> T open(T argument) {
        checkOpen();
        return argument;
    }

    private void checkOpen() {
        if (isClosed()) {
            throw new IllegalStateException("cache " + getName() + " is closed");
        }
    }
}
