package dev.pottery.jcache;

import dev.pottery.jcache.event.PotteryCacheEntryEvent;
import dev.pottery.jcache.expiry.ExpiryDurations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.cache.Cache;
import javax.cache.event.EventType;

/**
 * Iterates a cache with an HSCAN cursor, {@value BulkOperations#CHUNK} entries per step: the cache is never
 * loaded whole, and concurrent changes are tolerated (HSCAN's guarantee: an entry present for the whole
 * iteration is returned, possibly more than once if the hash is rehashed; one added or removed meanwhile may
 * or may not be). Expired entries are skipped and deleted on the way.
 *
 * <pre>{@code
 * Iterator<Cache.Entry<String, Integer>> it = cache.iterator();
 * while (it.hasNext()) {
 *     if (it.next().getValue() < 0) it.remove();
 * }
 * }</pre>
 *
 * <p>Each entry returned counts as a hit and an access (access expiry applies).
 *
 * @param <K> key type
 * @param <V> value type
 */
final class EntryIterator<K, V> implements Iterator<Cache.Entry<K, V>> {

    private final PotteryCache<K, V> cache;
    private final OperationStatistics stats;
    private final Deque<byte[][]> buffered = new ArrayDeque<>();
    private byte[] cursor = {'0'};
    private boolean finished;
    private Cache.Entry<K, V> last;

    EntryIterator(PotteryCache<K, V> cache) {
        this.stats = new OperationStatistics(cache);
        this.cache = cache;
    }

    @Override
    public boolean hasNext() {
        cache.checkOpen();
        while (buffered.isEmpty() && !finished) {
            fetch();
        }
        return !buffered.isEmpty();
    }

    private void fetch() {
        CacheStore<K, V> store = cache.store();
        // A constant access duration is applied by the scan script itself; a custom policy is asked per
        // entry in next(), when the entry is actually handed out.
        long access = cache.expiry().isConstant() ? cache.expiry().access() : ExpiryDurations.UNCHANGED;
        CacheStore.ScanStep step = store.scan(cursor, BulkOperations.CHUNK, access);
        buffered.addAll(step.live());
        if (!step.expired().isEmpty() && cache.events().hasListeners()) {
            List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>();
            for (byte[][] pair : step.expired()) {
                V old = store.decodeValue(pair[1]);
                cache.raise(raised, EventType.EXPIRED, store.decodeKey(pair[0]), old, old);
            }
            cache.events().dispatch(raised);
        }
        cursor = step.cursor();
        finished = step.finished();
    }

    @Override
    public Cache.Entry<K, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long start = System.nanoTime();
        byte[][] pair = buffered.poll();
        CacheStore<K, V> store = cache.store();
        if (!cache.expiry().isConstant()) {
            long access = cache.expiry().askAccess();
            if (access != ExpiryDurations.UNCHANGED) {
                store.commit(EntryOp.TOUCH, pair[0], null, pair[1], true, "none",
                        ExpiryDurations.accessOnly(access));
            }
        }
        K key = store.decodeKey(pair[0]);
        V value;
        try {
            value = store.decodeValue(pair[1]);
        } catch (javax.cache.CacheException e) {
            // Name the entry: the store's message knows the value's bytes, not whose they are.
            Throwable cause = e.getCause() instanceof dev.pottery.codec.CodecException ? e.getCause() : e;
            throw new javax.cache.CacheException("cannot read the value of " + FailureText.key(key) + " in "
                    + store.where() + " while iterating: " + cause.getMessage(), cause);
        }
        last = new PotteryEntry<>(key, value);
        stats.gets(1, 0, start);
        return last;
    }

    @Override
    public void remove() {
        if (last == null) {
            throw new IllegalStateException("next() has not been called, or remove() was already called");
        }
        cache.checkOpen();
        K key = last.getKey();
        last = null;
        cache.remove(key);
    }
}
