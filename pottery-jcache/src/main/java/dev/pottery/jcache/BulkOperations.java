package dev.pottery.jcache;

import dev.pottery.jcache.event.PotteryCacheEntryEvent;
import dev.pottery.jcache.expiry.ExpiryDurations;
import dev.pottery.jcache.integration.WriteThrough;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.cache.event.EventType;
import javax.cache.integration.CompletionListener;

/**
 * The batch operations of a {@link PotteryCache}: getAll, putAll, removeAll and loadAll. Each chunk of up
 * to {@value #CHUNK} entries is one script call (one round trip), atomic on the server.
 *
 * <pre>{@code
 * cache.putAll(Map.of("a", 1, "b", 2));     // one script: creates or updates both, reports each
 * cache.getAll(Set.of("a", "b", "c"));       // one script: {a=1, b=2}
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
final class BulkOperations<K, V> {

    /** Entries per script call, so a huge map does not become one huge script argument list. */
    static final int CHUNK = 512;

    private final PotteryCache<K, V> cache;
    private final Set<Future<?>> loads = new HashSet<>();
    private final OperationStatistics stats;

    BulkOperations(PotteryCache<K, V> cache) {
        this.cache = cache;
        this.stats = new OperationStatistics(cache);
    }

    Map<K, V> getAll(Set<? extends K> keys) {
        Objects.requireNonNull(keys, "keys");
        for (K key : keys) {
            cache.checkKey(key);
        }
        long start = System.nanoTime();
        CacheStore<K, V> store = cache.store();
        Map<K, V> found = new LinkedHashMap<>();
        List<K> missing = new ArrayList<>();
        List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>();
        long hits = 0;
        for (List<K> chunk : chunks(new ArrayList<K>(keys))) {
            List<EntryResult> results = store.batch("get", encodeKeys(chunk), null, cache.expiry());
            for (int i = 0; i < chunk.size(); i++) {
                EntryResult r = results.get(i);
                cache.expired(raised, chunk.get(i), r);
                if (r.outcome() == Outcome.HIT) {
                    found.put(chunk.get(i), store.decodeValueOf(chunk.get(i), r.value()));
                    hits++;
                } else {
                    missing.add(chunk.get(i));
                }
            }
        }
        if (!missing.isEmpty() && cache.isReadThrough()) {
            Map<K, V> loaded = cache.loader().loadAll(missing);
            found.putAll(store(loaded, false, raised));
        }
        stats.gets(hits, keys.size() - hits, start);
        cache.events().dispatch(raised);
        return found;
    }

    void putAll(Map<? extends K, ? extends V> map) {
        Objects.requireNonNull(map, "map");
        Map<K, V> copy = new LinkedHashMap<>();
        for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
            cache.checkKey(entry.getKey());
            cache.checkValue(entry.getValue());
            copy.put(entry.getKey(), entry.getValue());
        }
        long start = System.nanoTime();
        for (V value : copy.values()) {
            cache.store().encodeValue(value);   // fail on an unstorable value before the writer runs
        }
        WriteThrough<K, V> writer = cache.writer();
        WriteThrough.Partial<Map<K, V>> written = writer == null
                ? new WriteThrough.Partial<>(copy, null) : writer.writeAll(copy);
        List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>();
        long puts = write("put", written.done(), raised);
        stats.puts(puts, start);
        cache.events().dispatch(raised);
        if (written.failure() != null) {
            throw written.failure();
        }
    }

    void removeAll(Set<? extends K> keys) {
        Objects.requireNonNull(keys, "keys");
        for (K key : keys) {
            cache.checkKey(key);
        }
        removeKeys(new ArrayList<K>(keys));
    }

    void removeAll() {
        CacheStore<K, V> store = cache.store();
        byte[] cursor = {'0'};
        do {
            CacheStore.ScanStep step = store.scan(cursor, CHUNK, ExpiryDurations.UNCHANGED);
            List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>();
            for (byte[][] pair : step.expired()) {
                V old = store.decodeValue(pair[1]);
                cache.raise(raised, EventType.EXPIRED, store.decodeKey(pair[0]), old, old);
            }
            cache.events().dispatch(raised);
            List<K> keys = new ArrayList<>(step.live().size());
            for (byte[][] pair : step.live()) {
                keys.add(store.decodeKey(pair[0]));
            }
            if (!keys.isEmpty()) {
                removeKeys(keys);
            }
            cursor = step.cursor();
            if (step.finished()) {
                break;
            }
        } while (true);
    }

    private void removeKeys(List<K> keys) {
        long start = System.nanoTime();
        WriteThrough<K, V> writer = cache.writer();
        WriteThrough.Partial<Set<K>> deleted = writer == null
                ? new WriteThrough.Partial<>(new LinkedHashSet<>(keys), null) : writer.deleteAll(keys);
        List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>();
        long removals = 0;
        CacheStore<K, V> store = cache.store();
        for (List<K> chunk : chunks(new ArrayList<>(deleted.done()))) {
            List<EntryResult> results = store.batch("remove", encodeKeys(chunk), null, cache.expiry());
            for (int i = 0; i < chunk.size(); i++) {
                cache.expired(raised, chunk.get(i), results.get(i));
                cache.changed(raised, chunk.get(i), null, results.get(i));
                if (results.get(i).outcome() == Outcome.REMOVED) {
                    removals++;
                }
            }
        }
        stats.removals(removals, start);
        cache.events().dispatch(raised);
        if (deleted.failure() != null) {
            throw deleted.failure();
        }
    }

    void loadAll(Set<? extends K> keys, boolean replaceExisting, CompletionListener listener) {
        Objects.requireNonNull(keys, "keys");
        for (K key : keys) {
            Objects.requireNonNull(key, "a key to load may not be null");
        }
        if (cache.loader() == null) {
            if (listener != null) {
                listener.onCompletion();
            }
            return;
        }
        ExecutorService executor = ((PotteryCacheManager) cache.getCacheManager()).executor();
        List<K> wanted = new ArrayList<>(keys);
        FutureTask<Void> task = new FutureTask<>(() -> {
            load(wanted, replaceExisting, listener);
            return null;
        }) {
            @Override
            protected void done() {
                synchronized (loads) {
                    loads.remove(this);
                }
            }
        };
        synchronized (loads) {
            loads.add(task);
        }
        executor.execute(task);
    }

    private void load(List<K> wanted, boolean replaceExisting, CompletionListener listener) {
        try {
            List<K> toLoad = replaceExisting ? wanted : absent(wanted);
            if (!toLoad.isEmpty()) {
                Map<K, V> loaded = cache.loader().loadAll(toLoad);
                List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>();
                store(loaded, replaceExisting, raised);
                cache.events().dispatch(raised);
            }
            if (listener != null) {
                listener.onCompletion();
            }
        } catch (Exception e) {
            if (listener != null) {
                listener.onException(e);
            }
        }
    }

    /** Waits (a bounded time) for loadAll calls still running, so the loader is not closed under them. */
    void awaitLoads() {
        List<Future<?>> running;
        synchronized (loads) {
            running = new ArrayList<>(loads);
        }
        for (Future<?> load : running) {
            try {
                load.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
                // The load reported its own failure to its listener; closing goes on.
            }
        }
    }

    private List<K> absent(List<K> keys) {
        List<K> absent = new ArrayList<>();
        for (List<K> chunk : chunks(keys)) {
            List<EntryResult> results = cache.store().batch("contains", encodeKeys(chunk), null, cache.expiry());
            for (int i = 0; i < chunk.size(); i++) {
                if (results.get(i).outcome() != Outcome.HIT) {
                    absent.add(chunk.get(i));
                }
            }
        }
        return absent;
    }

    /** Stores loaded values (no writer: they came from the system of record); returns what the cache holds. */
    private Map<K, V> store(Map<K, V> loaded, boolean replace, List<PotteryCacheEntryEvent<K, V>> raised) {
        Map<K, V> held = new LinkedHashMap<>(loaded);
        List<K> keys = new ArrayList<>(loaded.keySet());
        for (List<K> chunk : chunks(keys)) {
            List<byte[]> values = new ArrayList<>(chunk.size());
            for (K key : chunk) {
                values.add(cache.store().encodeValue(loaded.get(key)));
            }
            List<EntryResult> results = cache.store().batch(replace ? "put" : "putIfAbsent", encodeKeys(chunk), values,
                    cache.expiry());
            for (int i = 0; i < chunk.size(); i++) {
                K key = chunk.get(i);
                EntryResult r = results.get(i);
                cache.expired(raised, key, r);
                cache.changed(raised, key, loaded.get(key), r);
                if (r.outcome() == Outcome.PRESENT) {
                    held.put(key, cache.store().decodeValue(r.value()));
                }
            }
        }
        return held;
    }

    /** Writes entries with one script per chunk; returns how many were created or updated. */
    private long write(String op, Map<K, V> entries, List<PotteryCacheEntryEvent<K, V>> raised) {
        long changed = 0;
        List<K> keys = new ArrayList<>(entries.keySet());
        for (List<K> chunk : chunks(keys)) {
            List<byte[]> values = new ArrayList<>(chunk.size());
            for (K key : chunk) {
                values.add(cache.store().encodeValue(entries.get(key)));
            }
            List<EntryResult> results = cache.store().batch(op, encodeKeys(chunk), values, cache.expiry());
            for (int i = 0; i < chunk.size(); i++) {
                EntryResult r = results.get(i);
                cache.expired(raised, chunk.get(i), r);
                cache.changed(raised, chunk.get(i), entries.get(chunk.get(i)), r);
                if (r.outcome() == Outcome.CREATED || r.outcome() == Outcome.UPDATED) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private List<byte[]> encodeKeys(List<K> keys) {
        List<byte[]> encoded = new ArrayList<>(keys.size());
        for (K key : keys) {
            encoded.add(cache.store().encodeKey(key));
        }
        return encoded;
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        return chunks;
    }

}
