package dev.pottery.jcache;

import dev.pottery.jcache.expiry.ExpiryDurations;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import javax.cache.Cache;

/**
 * Iterates a cache with an HSCAN cursor, {@value BulkOperations#CHUNK} entries per step: the cache is never
 * loaded whole, and concurrent changes are tolerated (HSCAN's guarantee: an entry present for the whole
 * iteration is returned, possibly more than once if the hash is rehashed; one added or removed meanwhile may
 * or may not be). Expired entries are skipped.
 *
 * <pre>{@code
 * Iterator<Cache.Entry<String, Integer>> it = cache.iterator();
 * while (it.hasNext()) {
 *     if (it.next().getValue() < 0) it.remove();   // the cache's remove(key): writer and events included
 * }
 * }</pre>
 *
 * <p>Each entry returned counts as a hit and an access (access expiry applies).
 *
 * @param <K> key type
 * @param <V> value type
 */
final class EntryIterator<K, V> implements Iterator<Cache.Entry<K, V>> {

    private final CacheStore store;
    private final EntryCodec<K, V> codec;
    private final ExpiryDurations expiry;
    private final Reporter<K, V> reporter;
    private final Runnable checkOpen;
    private final Consumer<K> remover;
    private final Deque<byte[][]> buffered = new ArrayDeque<>();
    private byte[] cursor = {'0'};
    private boolean finished;
    private Cache.Entry<K, V> last;

    /** An iterator over the cache {@code context} describes; {@code remover} is its {@code remove(key)}. */
    EntryIterator(CacheContext<K, V> context, Runnable checkOpen, Consumer<K> remover) {
        this.store = context.store();
        this.codec = context.codec();
        this.expiry = context.expiry();
        this.reporter = context.reporter();
        this.checkOpen = checkOpen;
        this.remover = remover;
    }

    @Override
    public boolean hasNext() {
        checkOpen.run();
        while (buffered.isEmpty() && !finished) {
            fetch();
        }
        return !buffered.isEmpty();
    }

    private void fetch() {
        // A constant access duration is applied by the scan script itself; a custom policy is asked per
        // entry in next(), when the entry is actually handed out.
        long access = expiry.isConstant() ? expiry.access() : ExpiryDurations.UNCHANGED;
        CacheStore.ScanStep step = store.scan(cursor, BulkOperations.CHUNK, access);
        buffered.addAll(step.live());
        cursor = step.cursor();
        finished = step.finished();
    }

    @Override
    public Cache.Entry<K, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        byte[][] pair = buffered.poll();
        last = reporter.run(op -> {
            if (!expiry.isConstant()) {
                long access = expiry.askAccess();
                if (access != ExpiryDurations.UNCHANGED) {
                    store.entry(EntryCall.of(EntryAction.TOUCH_IF, pair[0]).expectingState(pair[1]),
                            ExpiryDurations.accessOnly(access));
                }
            }
            K key = codec.decodeKey(pair[0]);
            op.gets(1, 0);
            return new PotteryEntry<>(key, codec.decodeValue(key, pair[1]));
        });
        return last;
    }

    @Override
    public void remove() {
        if (last == null) {
            throw new IllegalStateException("next() has not been called, or remove() was already called");
        }
        checkOpen.run();
        K key = last.getKey();
        last = null;
        remover.accept(key);
    }
}
