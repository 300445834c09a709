package dev.pottery.jcache;

import dev.pottery.jcache.OperationStatistics.Kind;
import dev.pottery.jcache.expiry.ExpiryDurations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads of a cache: get, containsKey and getAll. A read is one script call (getAll: one per
 * {@value BulkOperations#CHUNK} keys) that checks expiry on the server, applies the access duration and
 * deletes an expired entry it meets; on a miss the cache's {@link Misses} role decides what happens
 * (read-through loads).
 *
 * <pre>{@code
 * reads.get("ada");                       // entry.lua 'get'
 * reads.getAll(Set.of("ada", "bob"));     // batch.lua 'get'
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
    private final Reporter<K, V> reporter;

    ReadOperations(CacheContext<K, V> context) {
        this.store = context.store();
        this.codec = context.codec();
        this.checks = context.checks();
        this.expiry = context.expiry();
        this.misses = context.misses();
        this.reporter = context.reporter();
    }

    V get(K key) {
        byte[] k = codec.encodeKey(checks.key(key));
        return reporter.run(op -> {
            EntryReply r = store.entry(EntryCall.of(EntryAction.GET, k).under(misses.readLease()), expiry);
            op.expired(key, r.expired());
            op.count(Kind.GET, r.outcome());
            return r.outcome() == Outcome.HIT ? codec.decodeValue(key, r.value()) : misses.load(op, key, k, r);
        });
    }

    boolean containsKey(K key) {
        byte[] k = codec.encodeKey(checks.key(key));
        return reporter.run(op -> {
            EntryReply r = store.entry(EntryCall.of(EntryAction.CONTAINS, k), expiry);
            op.expired(key, r.expired());
            return r.outcome() == Outcome.HIT;
        });
    }

    Map<K, V> getAll(Set<? extends K> keys) {
        checks.keys(keys);
        List<K> all = new ArrayList<>(keys);
        return reporter.run(op -> {
            Map<K, V> found = new LinkedHashMap<>();
            List<K> missing = new ArrayList<>();
            List<byte[]> missingKeys = new ArrayList<>();
            List<EntryReply> missed = new ArrayList<>();
            for (List<K> chunk : BulkOperations.chunks(all)) {
                List<byte[]> encoded = codec.encodeKeys(chunk);
                List<EntryReply> replies = store.batch(BatchCall.of(BatchAction.GET, encoded).under(misses.readLease()),
                        expiry);
                for (int i = 0; i < chunk.size(); i++) {
                    K key = chunk.get(i);
                    EntryReply r = replies.get(i);
                    op.expired(key, r.expired());
                    if (r.outcome() == Outcome.HIT) {
                        found.put(key, codec.decodeValue(key, r.value()));
                    } else {
                        missing.add(key);
                        missingKeys.add(encoded.get(i));
                        missed.add(r);
                    }
                }
            }
            op.gets(found.size(), missing.size());
            if (!missing.isEmpty()) {
                misses.loadAll(op, found, missing, missingKeys, missed);
            }
            return found;
        });
    }
}
