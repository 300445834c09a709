package dev.pottery.jcache;

import dev.pottery.jcache.OperationStatistics.Kind;
import dev.pottery.jcache.expiry.ExpiryDurations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads of a cache: get, containsKey and getAll.
 *
 * <ul>
 *   <li>With a near cache, a read of an entry this JVM keeps costs no round trip.</li>
 *   <li>A cache whose entries never expire (the standard eternal policy, the default) reads with plain
 *       commands: HGET, HEXISTS, HMGET — the Redis floor of each read.</li>
 *   <li>Otherwise a read is one script call (getAll: one per {@value BulkOperations#CHUNK} keys) that checks
 *       expiry on the server, applies the access duration and deletes an expired entry it meets.</li>
 * </ul>
 * On a miss the cache's {@link Misses} role decides what happens (read-through loads; a read-through getAll
 * always goes through the script, which takes the missing entries' leases for one loadAll).
 *
 * <pre>{@code
 * reads.get("ada");                       // HGET, or entry.lua 'get'
 * reads.getAll(Set.of("ada", "bob"));     // HMGET, or batch.lua 'get'
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
final class ReadOperations<K, V> {

    private final CacheStore store;
    private final EntryCodec<K, V> codec;
    private final TypeChecks<K, V> checks;
    private final ExpiryDurations expiry;
    private final Misses<K, V> misses;
    private final NearReads near;
    private final Reporter<K, V> reporter;
    private final boolean plainReads;
    private final boolean plainBatches;

    ReadOperations(CacheContext<K, V> context) {
        this.store = context.store();
        this.codec = context.codec();
        this.checks = context.checks();
        this.expiry = context.expiry();
        this.misses = context.misses();
        this.near = context.near();
        this.reporter = context.reporter();
        this.plainReads = expiry.isEternal();
        this.plainBatches = plainReads && misses.readLease() == LeaseUse.NONE;
    }

    V get(K key) {
        byte[] k = codec.encodeKey(checks.key(key));
        return reporter.run(op -> {
            Object held = near.lookup(k);
            if (held != null) {
                op.count(Kind.GET, Outcome.HIT);
                return kept(key, held);
            }
            Object ticket = near.reserve(k);
            EntryReply r;
            try {
                r = read(k);
            } catch (RuntimeException e) {
                near.release(k, ticket);
                throw e;
            }
            op.expired(key, r.expired());
            op.count(Kind.GET, r.outcome());
            if (r.outcome() != Outcome.HIT) {
                near.release(k, ticket);
                return misses.load(op, key, k, r);
            }
            V value = codec.decodeValue(key, r.value());
            near.fill(k, ticket, near.keepsObjects() ? value : r.value(), r.lifeMillis());
            return value;
        });
    }

    /** One entry's read: a plain HGET for eternal caches, else the script (asking for the life a near cache needs). */
    private EntryReply read(byte[] k) {
        if (plainReads) {
            byte[] value = store.read(k);
            return new EntryReply(value == null ? Outcome.MISS : Outcome.HIT, value, null, 0);
        }
        EntryCall call = EntryCall.of(EntryAction.GET, k).under(misses.readLease());
        return store.entry(near.present() ? call.withLife() : call, expiry);
    }

    /** A value the near cache kept: the object itself (immutable types), else decoded from its bytes again. */
    @SuppressWarnings("unchecked")
    private V kept(K key, Object held) {
        return near.keepsObjects() ? (V) held : codec.decodeValue(key, ((byte[]) held).clone());
    }

    boolean containsKey(K key) {
        byte[] k = codec.encodeKey(checks.key(key));
        return reporter.run(op -> {
            if (near.lookup(k) != null) {
                return true;
            }
            if (plainReads) {
                return store.exists(k);
            }
            EntryReply r = store.entry(EntryCall.of(EntryAction.CONTAINS, k), expiry);
            op.expired(key, r.expired());
            return r.outcome() == Outcome.HIT;
        });
    }

    Map<K, V> getAll(Set<? extends K> keys) {
        checks.keys(keys);
        List<K> all = new ArrayList<>(keys);
        if (plainBatches && !near.present()) {
            return reporter.run(op -> plainGetAll(op, all));
        }
        return reporter.run(op -> {
            Map<K, V> found = new LinkedHashMap<>();
            List<K> missing = new ArrayList<>();
            List<byte[]> missingKeys = new ArrayList<>();
            List<EntryReply> missed = new ArrayList<>();
            long hits = 0;
            for (List<K> chunk : BulkOperations.chunks(all)) {
                List<K> asked = new ArrayList<>(chunk.size());
                List<byte[]> encoded = new ArrayList<>(chunk.size());
                for (K key : chunk) {
                    byte[] k = codec.encodeKey(key);
                    Object held = near.lookup(k);
                    if (held != null) {
                        found.put(key, kept(key, held));
                        hits++;
                    } else {
                        asked.add(key);
                        encoded.add(k);
                    }
                }
                if (asked.isEmpty()) {
                    continue;
                }
                List<Object> tickets = new ArrayList<>(asked.size());
                encoded.forEach(k -> tickets.add(near.reserve(k)));
                List<EntryReply> replies = readAll(encoded, tickets);
                for (int i = 0; i < asked.size(); i++) {
                    K key = asked.get(i);
                    EntryReply r = replies.get(i);
                    op.expired(key, r.expired());
                    if (r.outcome() == Outcome.HIT) {
                        V value = codec.decodeValue(key, r.value());
                        found.put(key, value);
                        near.fill(encoded.get(i), tickets.get(i), near.keepsObjects() ? value : r.value(), -1);
                        hits++;
                    } else {
                        near.release(encoded.get(i), tickets.get(i));
                        missing.add(key);
                        missingKeys.add(encoded.get(i));
                        missed.add(r);
                    }
                }
            }
            op.gets(hits, missing.size());
            if (!missing.isEmpty()) {
                misses.loadAll(op, found, missing, missingKeys, missed);
            }
            return found;
        });
    }

    /** getAll of an eternal cache without read-through or near cache: one HMGET per chunk, nothing else. */
    private Map<K, V> plainGetAll(Operation<K, V> op, List<K> all) {
        Map<K, V> found = new LinkedHashMap<>(all.size() * 2);
        for (List<K> chunk : BulkOperations.chunks(all)) {
            List<byte[]> values = store.readAll(codec.encodeKeys(chunk));
            for (int i = 0; i < chunk.size(); i++) {
                byte[] value = values.get(i);
                if (value != null) {
                    K key = chunk.get(i);
                    found.put(key, codec.decodeValue(key, value));
                }
            }
        }
        op.gets(found.size(), all.size() - found.size());
        return found;
    }

    /**
     * One chunk's read: one HMGET for an eternal cache that does not read through, else the batch script.
     * A near cache keeps what a batch read finds only from the plain path (the script does not report lives).
     */
    private List<EntryReply> readAll(List<byte[]> keys, List<Object> tickets) {
        try {
            if (plainBatches) {
                List<byte[]> values = store.readAll(keys);
                List<EntryReply> replies = new ArrayList<>(values.size());
                values.forEach(value -> replies.add(new EntryReply(value == null ? Outcome.MISS : Outcome.HIT, value,
                        null, 0)));
                return replies;
            }
            List<EntryReply> replies = store.batch(BatchCall.of(BatchAction.GET, keys).under(misses.readLease()),
                    expiry);
            for (int i = 0; i < keys.size(); i++) {
                near.release(keys.get(i), tickets.get(i));   // no life known: not kept
                tickets.set(i, null);
            }
            return replies;
        } catch (RuntimeException e) {
            for (int i = 0; i < keys.size(); i++) {
                near.release(keys.get(i), tickets.get(i));
            }
            throw e;
        }
    }
}
