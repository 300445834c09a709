package dev.pottery.jcache;

import dev.pottery.jcache.expiry.ExpiryDurations;
import dev.pottery.jcache.integration.WriteThrough;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.cache.integration.CompletionListener;

/**
 * The batch writes of a cache: putAll, removeAll (with and without keys) and loadAll. Each chunk of up to
 * {@value #CHUNK} entries is one script call (one round trip), atomic on the server.
 *
 * <p>With a CacheWriter, the batch's entries are locked in this JVM and their leases taken in Redis all at
 * once (one script call, all or none, so two batches never wait for each other in a cycle), the writer is
 * called once for the batch, and exactly the entries it handled are written back, releasing their leases:
 * two round trips, plus one to release the leases of entries the writer failed on.
 *
 * <pre>{@code
 * bulk.putAll(Map.of("a", 1, "b", 2));     // one script: creates or updates both, reports each
 * bulk.removeAll(Set.of("a", "c"));         // one script
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
final class BulkOperations<K, V> {

    /** Entries per script call, so a huge map does not become one huge script argument list. */
    static final int CHUNK = 512;

    private final CacheStore store;
    private final EntryCodec<K, V> codec;
    private final TypeChecks<K, V> checks;
    private final ExpiryDurations expiry;
    private final WriteThrough<K, V> writer;
    private final KeyLocks locks;
    private final EntryGuard guard;
    private final Leases leases;
    private final Loads<K, V> loads;
    private final Executor executor;
    private final Reporter<K, V> reporter;
    private final boolean plain;
    private final Set<Future<?>> running = new HashSet<>();

    BulkOperations(CacheContext<K, V> context) {
        this.store = context.store();
        this.codec = context.codec();
        this.checks = context.checks();
        this.expiry = context.expiry();
        this.writer = context.writer();
        this.locks = context.locks();
        this.guard = context.guard();
        this.leases = context.leases();
        this.loads = context.loads();
        this.executor = context.executor();
        this.reporter = context.reporter();
        this.plain = expiry.isEternal() && !writer.isPresent();
    }

    void putAll(Map<? extends K, ? extends V> map) {
        Objects.requireNonNull(map, "map");
        Map<K, V> entries = new LinkedHashMap<>();
        map.forEach((key, value) -> entries.put(checks.key(key), checks.value(value)));
        List<K> keys = new ArrayList<>(entries.keySet());
        List<byte[]> encodedKeys = codec.encodeKeys(keys);
        List<byte[]> values = new ArrayList<>(keys.size());
        keys.forEach(key -> values.add(codec.encodeValue(key, entries.get(key))));   // fail before the writer runs
        reporter.run(op -> {
            if (!writer.isPresent()) {
                op.puts(write(op, BatchAction.PUT, keys, encodedKeys, values, entries, LeaseUse.BREAK));
                return null;
            }
            leased(encodedKeys, token -> {
                WriteThrough.Partial<Map<K, V>> written = writer.writeAll(entries);
                List<Integer> done = indexesOf(keys, written.done().keySet());
                try {
                    op.puts(write(op, BatchAction.PUT, pick(keys, done), pick(encodedKeys, done), pick(values, done),
                            entries, LeaseUse.held(token)));
                } catch (RuntimeException failure) {
                    throw guard.dropAfterFailure(pick(encodedKeys, done), LeaseUse.held(token),
                            done.size() + " entries", failure);
                }
                releaseOthers(encodedKeys, done, token);
                if (written.failure() != null) {
                    throw written.failure();
                }
            });
            return null;
        });
    }

    void removeAll(Set<? extends K> keys) {
        checks.keys(keys);
        removeKeys(new ArrayList<K>(keys));
    }

    void removeAll() {
        byte[] cursor = {'0'};
        CacheStore.ScanStep step;
        do {
            step = store.scan(cursor, CHUNK, ExpiryDurations.UNCHANGED);
            List<K> keys = new ArrayList<>(step.live().size());
            for (byte[][] pair : step.live()) {
                keys.add(codec.decodeKey(pair[0]));
            }
            if (!keys.isEmpty()) {
                removeKeys(keys);
            }
            cursor = step.cursor();
        } while (!step.finished());
    }

    private void removeKeys(List<K> keys) {
        List<byte[]> encodedKeys = codec.encodeKeys(keys);
        reporter.run(op -> {
            if (!writer.isPresent()) {
                op.removals(write(op, BatchAction.REMOVE, keys, encodedKeys, null, null, LeaseUse.BREAK));
                return null;
            }
            leased(encodedKeys, token -> {
                WriteThrough.Partial<Set<K>> deleted = writer.deleteAll(keys);
                List<Integer> done = indexesOf(keys, deleted.done());
                try {
                    op.removals(write(op, BatchAction.REMOVE, pick(keys, done), pick(encodedKeys, done), null, null,
                            LeaseUse.held(token)));
                } catch (RuntimeException failure) {
                    throw guard.dropAfterFailure(pick(encodedKeys, done), LeaseUse.held(token),
                            done.size() + " entries", failure);
                }
                releaseOthers(encodedKeys, done, token);
                if (deleted.failure() != null) {
                    throw deleted.failure();
                }
            });
            return null;
        });
    }

    /**
     * Runs {@code work} with every entry of {@code keys} locked in this JVM and leased in Redis (taken all at
     * once, waiting while another process holds any); {@code work} gets the leases' token.
     */
    private void leased(List<byte[]> keys, java.util.function.LongConsumer work) {
        String what = keys.size() + " entries";
        try (KeyLocks.Held locked = locks.lockAll(keys, what)) {
            long token = leases.await(() -> store.leaseAll(keys), t -> t == 0L, what);
            guard.holdingAll(keys, token, () -> {
                work.accept(token);
                return null;
            });
        }
    }

    private void releaseOthers(List<byte[]> keys, List<Integer> done, long token) {
        if (done.size() < keys.size()) {
            List<byte[]> others = new ArrayList<>(keys);
            for (int i = done.size() - 1; i >= 0; i--) {
                others.remove((int) done.get(i));
            }
            store.releaseAll(others, token);
        }
    }

    /**
     * Writes (or removes) entries with one script per chunk; returns how many were created, updated or removed.
     * An eternal cache without writer uses {@code plain.lua}: a single HSET or HDEL per entry while nobody listens.
     */
    private long write(Operation<K, V> op, BatchAction action, List<K> keys, List<byte[]> encodedKeys,
                       List<byte[]> values, Map<K, V> entries, LeaseUse lease) {
        long changed = 0;
        for (int from = 0; from < keys.size(); from += CHUNK) {
            int to = Math.min(keys.size(), from + CHUNK);
            if (plain) {
                boolean put = action == BatchAction.PUT;
                CacheStore.PlainWrites writes = store.plainWrites(put, encodedKeys.subList(from, to),
                        put ? values.subList(from, to) : null, reporter.events().hasListeners());
                if (writes.each() == null) {
                    changed += put ? to - from : writes.count();
                    continue;
                }
                for (int i = from; i < to; i++) {
                    EntryReply reply = writes.each().get(i - from);
                    op.reported(keys.get(i), entries == null ? null : entries.get(keys.get(i)), reply);
                    changed += reply.outcome().changed() ? 1 : 0;
                }
                continue;
            }
            List<EntryReply> replies = store.batch(new BatchCall(action, encodedKeys.subList(from, to),
                    values == null ? null : values.subList(from, to), lease), expiry);
            for (int i = from; i < to; i++) {
                EntryReply reply = replies.get(i - from);
                op.reported(keys.get(i), entries == null ? null : entries.get(keys.get(i)), reply);
                changed += reply.outcome().changed() ? 1 : 0;
            }
        }
        return changed;
    }

    void loadAll(Set<? extends K> keys, boolean replaceExisting, CompletionListener listener) {
        Objects.requireNonNull(keys, "keys");
        for (K key : keys) {
            Objects.requireNonNull(key, "a key to load may not be null");
        }
        if (loads == null) {
            if (listener != null) {
                listener.onCompletion();
            }
            return;
        }
        List<K> wanted = new ArrayList<>(keys);
        FutureTask<Void> task = new FutureTask<>(() -> {
            load(wanted, replaceExisting, listener);
            return null;
        }) {
            @Override
            protected void done() {
                synchronized (running) {
                    running.remove(this);
                }
            }
        };
        synchronized (running) {
            running.add(task);
        }
        executor.execute(task);
    }

    private void load(List<K> wanted, boolean replaceExisting, CompletionListener listener) {
        try {
            reporter.run(op -> {
                loads.loadAll(op, wanted, replaceExisting);
                return null;
            });
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
        List<Future<?>> pending;
        synchronized (running) {
            pending = new ArrayList<>(running);
        }
        for (Future<?> load : pending) {
            try {
                load.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException | CancellationException e) {
                // The load reported its own failure to its listener; closing goes on.
            }
        }
    }

    /** {@code items} in chunks of {@value #CHUNK}. */
    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static <K> List<Integer> indexesOf(List<K> keys, Set<K> done) {
        List<Integer> indexes = new ArrayList<>(done.size());
        for (int i = 0; i < keys.size(); i++) {
            if (done.contains(keys.get(i))) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /** The items at {@code indexes}, in that order. */
    static <T> List<T> pick(List<T> items, List<Integer> indexes) {
        List<T> picked = new ArrayList<>(indexes.size());
        indexes.forEach(i -> picked.add(items.get(i)));
        return picked;
    }
}
