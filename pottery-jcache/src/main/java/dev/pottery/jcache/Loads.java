package dev.pottery.jcache;

import dev.pottery.jcache.expiry.ExpiryDurations;
import dev.pottery.jcache.integration.ReadThrough;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.cache.event.EventType;

/**
 * Loading with the cache's CacheLoader: on a read's miss when the cache reads through (this is then its
 * {@link Misses} role), and for {@code loadAll}. A loaded value is stored only if the entry is still absent
 * (or, for {@code loadAll(keys, true, ...)}, over what is there).
 *
 * <p>A read that misses The read that misses takes the entry's lease in the same script call, so the loader runs once per
 * miss per key — across threads and processes; a read that finds the lease taken waits (locked in this JVM,
 * polling Redis) for the value the holder stores. Loader time is left out of the operation's time.
 *
 * <pre>{@code
 * // get of an absent key: GET (takes the lease) -> loader.load -> putIfAbsent (releases it): two round trips
 * V value = misses.load(op, key, k, reply);
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
final class Loads<K, V> implements Misses<K, V> {

    private final ReadThrough<K, V> loader;
    private final CacheStore store;
    private final EntryCodec<K, V> codec;
    private final TypeChecks<K, V> checks;
    private final ExpiryDurations expiry;
    private final EntryGuard guard;

    Loads(ReadThrough<K, V> loader, CacheStore store, EntryCodec<K, V> codec, TypeChecks<K, V> checks,
                      ExpiryDurations expiry, EntryGuard guard) {
        this.loader = loader;
        this.store = store;
        this.codec = codec;
        this.checks = checks;
        this.expiry = expiry;
        this.guard = guard;
    }

    @Override
    public LeaseUse readLease() {
        return LeaseUse.ACQUIRE_IF_ABSENT;
    }

    @Override
    public V load(Operation<K, V> op, K key, byte[] k, EntryReply reply) {
        if (reply.token() != 0) {
            return guard.holding(k, reply.token(), () -> loadAndStore(op, key, k, reply.token()));
        }
        // Another thread or process is loading it: wait for its value (or for the lease, if it found none).
        return guard.run(EntryCall.of(EntryAction.GET, k).under(LeaseUse.ACQUIRE_IF_ABSENT), FailureText.key(key),
                read -> {
                    op.expired(key, read.expired());
                    return read.outcome() == Outcome.HIT ? codec.decodeValue(key, read.value())
                            : loadAndStore(op, key, k, read.token());
                });
    }

    @Override
    public void loadAll(Operation<K, V> op, Map<K, V> found, List<K> keys, List<byte[]> encodedKeys,
                        List<EntryReply> replies) {
        // Keys leased by one script call share its token; each such group is loaded with one loader call.
        Map<Long, List<Integer>> byToken = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            long token = replies.get(i).token();
            if (token != 0) {
                byToken.computeIfAbsent(token, t -> new ArrayList<>()).add(i);
            }
        }
        byToken.forEach((token, indexes) ->
                found.putAll(loadAndStoreAll(op, BulkOperations.pick(keys, indexes), BulkOperations.pick(encodedKeys, indexes), token)));
        for (int i = 0; i < keys.size(); i++) {
            if (replies.get(i).token() == 0) {
                // Held by another loader: wait for it, key by key (rare: two processes loading one key at once).
                V value = load(op, keys.get(i), encodedKeys.get(i), replies.get(i));
                if (value != null) {
                    found.put(keys.get(i), value);
                }
            }
        }
    }

    /**
     * {@code loadAll}: loads {@code keys} — those absent (each leased, so no other process loads it at the same
     * time), or all of them if {@code replaceExisting} — and stores them. Keys another process is loading
     * are left to it.
     */
    void loadAll(Operation<K, V> op, List<K> keys, boolean replaceExisting) {
        for (List<K> chunk : BulkOperations.chunks(keys)) {
            List<byte[]> encoded = codec.encodeKeys(chunk);
            if (replaceExisting) {
                Map<K, V> loaded = loader.loadAll(chunk);
                List<K> stored = new ArrayList<>();
                List<byte[]> storeKeys = new ArrayList<>();
                List<byte[]> values = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    V value = loaded.get(chunk.get(i));
                    if (value != null) {
                        stored.add(chunk.get(i));
                        storeKeys.add(encoded.get(i));
                        values.add(codec.encodeValue(chunk.get(i), checks.value(value)));
                    }
                }
                List<EntryReply> replies = stored.isEmpty() ? List.of()
                        : store.batch(BatchCall.of(BatchAction.PUT, storeKeys, values), expiry);
                for (int i = 0; i < stored.size(); i++) {
                    op.reported(stored.get(i), loaded.get(stored.get(i)), replies.get(i));
                }
            } else {
                List<EntryReply> replies = store.batch(BatchCall.of(BatchAction.CONTAINS, encoded)
                        .under(LeaseUse.ACQUIRE_IF_ABSENT), expiry);
                Map<Long, List<Integer>> byToken = new LinkedHashMap<>();
                for (int i = 0; i < chunk.size(); i++) {
                    op.expired(chunk.get(i), replies.get(i).expired());
                    if (replies.get(i).token() != 0) {
                        byToken.computeIfAbsent(replies.get(i).token(), t -> new ArrayList<>()).add(i);
                    }
                }
                byToken.forEach((token, indexes) -> loadAndStoreAll(op, BulkOperations.pick(chunk, indexes), BulkOperations.pick(encoded, indexes),
                        token));
            }
        }
    }

    @Override
    public Function<K, V> entryLoader() {
        return loader::load;
    }

    /** Loads under the lease held with {@code token} and stores the value if the entry is still absent. */
    private V loadAndStore(Operation<K, V> op, K key, byte[] k, long token) {
        V loaded = op.untimed(() -> loader.load(key));
        if (loaded == null) {
            store.entry(EntryCall.of(EntryAction.RELEASE, k).under(LeaseUse.held(token)), expiry);
            return null;
        }
        byte[] v = codec.encodeValue(key, checks.value(loaded));
        EntryReply stored = store.entry(EntryCall.of(EntryAction.PUT_IF_ABSENT, k, v).under(LeaseUse.held(token)),
                expiry);
        op.expired(key, stored.expired());
        if (stored.outcome() == Outcome.PRESENT) {
            return codec.decodeValue(key, stored.value());
        }
        if (stored.outcome() == Outcome.CREATED) {
            op.raise(EventType.CREATED, key, loaded, null);
        }
        return loaded;   // also when the lease was lost: the value is served, not stored
    }

    /**
     * Loads many keys leased with {@code token} in one loader call and stores those still absent (one script
     * call, which releases their leases; the leases of keys the loader had nothing for are released apart).
     */
    private Map<K, V> loadAndStoreAll(Operation<K, V> op, List<K> keys, List<byte[]> encodedKeys, long token) {
        return guard.holdingAll(encodedKeys, token, () -> {
            Map<K, V> all = op.untimed(() -> loader.loadAll(keys));
            Map<K, V> loaded = new LinkedHashMap<>();
            List<K> stored = new ArrayList<>();
            List<byte[]> storeKeys = new ArrayList<>();
            List<byte[]> storeValues = new ArrayList<>();
            List<byte[]> unloaded = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                K key = keys.get(i);
                V value = all.get(key);
                if (value == null) {
                    unloaded.add(encodedKeys.get(i));
                    continue;
                }
                loaded.put(key, value);
                stored.add(key);
                storeKeys.add(encodedKeys.get(i));
                storeValues.add(codec.encodeValue(key, checks.value(value)));
            }
            if (!unloaded.isEmpty()) {
                store.releaseAll(unloaded, token);
            }
            if (!stored.isEmpty()) {
                List<EntryReply> replies = store.batch(BatchCall.of(BatchAction.PUT_IF_ABSENT, storeKeys, storeValues)
                        .under(LeaseUse.held(token)), expiry);
                for (int i = 0; i < stored.size(); i++) {
                    K key = stored.get(i);
                    EntryReply reply = replies.get(i);
                    op.expired(key, reply.expired());
                    if (reply.outcome() == Outcome.PRESENT) {
                        loaded.put(key, codec.decodeValue(key, reply.value()));
                    } else if (reply.outcome() == Outcome.CREATED) {
                        op.raise(EventType.CREATED, key, loaded.get(key), null);
                    }
                }
            }
            return loaded;
        });
    }
}
