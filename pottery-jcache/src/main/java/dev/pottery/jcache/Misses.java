package dev.pottery.jcache;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a cache does when a read finds no entry: nothing ({@link #none()}), or load the entry through its
 * CacheLoader ({@link ReadThroughMisses}, for caches configured read-through). The role is chosen once,
 * when the cache is built; the operations never test a read-through flag.
 *
 * <pre>{@code
 * EntryReply r = store.entry(EntryCall.of(EntryAction.GET, k).under(misses.readLease()), expiry);
 * V value = r.outcome() == Outcome.HIT ? decode(r.value()) : misses.load(op, key, k, r);
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
interface Misses<K, V> {

    /** The lease a read takes on a miss, so that only one process loads the entry. */
    LeaseUse readLease();

    /** The value for a read that missed ({@code reply}: that read's reply), or null. */
    V load(Operation<K, V> op, K key, byte[] encodedKey, EntryReply reply);

    /**
     * Adds to {@code found} the values for the reads of a batch that missed: {@code keys} with their
     * encoded forms and the batch's replies for them.
     */
    void loadAll(Operation<K, V> op, Map<K, V> found, List<K> keys, List<byte[]> encodedKeys, List<EntryReply> replies);

    /** What an entry processor's {@code getValue()} of an absent entry returns (a load, or null). */
    Function<K, V> entryLoader();

    /** A cache that does not read through: a miss is a miss. */
    static <K, V> Misses<K, V> none() {
        return new Misses<>() {
            @Override
            public LeaseUse readLease() {
                return LeaseUse.NONE;
            }

            @Override
            public V load(Operation<K, V> op, K key, byte[] encodedKey, EntryReply reply) {
                return null;
            }

            @Override
            public void loadAll(Operation<K, V> op, Map<K, V> found, List<K> keys, List<byte[]> encodedKeys,
                                List<EntryReply> replies) {
                // nothing to add
            }

            @Override
            public Function<K, V> entryLoader() {
                return key -> null;
            }
        };
    }
}
