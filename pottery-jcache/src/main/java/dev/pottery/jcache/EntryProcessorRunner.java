package dev.pottery.jcache;

import dev.pottery.jcache.event.PotteryCacheEntryEvent;
import dev.pottery.jcache.processor.PotteryMutableEntry;
import dev.pottery.jcache.processor.ProcessorAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.event.EventType;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * Runs entry processors atomically per key without a lock: read the entry (one script), run the processor
 * on a local {@link PotteryMutableEntry}, then write back with a script that applies the change only if the
 * entry still holds the value that was read; if another thread or JVM changed it in between, run the
 * processor again on the new value.
 *
 * <pre>{@code
 * cache.invoke("counter", (entry, args) -> {
 *     entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
 *     return null;
 * });
 * }</pre>
 *
 * <p>A processor may therefore run more than once under contention (as with any optimistic scheme); only
 * one of its runs takes effect. Two round trips when it changes or reads the entry, one when it only looks.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class EntryProcessorRunner<K, V> {

    private final PotteryCache<K, V> cache;
    private final OperationStatistics stats;

    EntryProcessorRunner(PotteryCache<K, V> cache) {
        this.stats = new OperationStatistics(cache);
        this.cache = cache;
    }

    <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
        CacheStore<K, V> store = cache.store();
        byte[] k = store.encodeKey(key);
        while (true) {
            List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>(2);
            EntryResult peek = store.entry(EntryOp.PEEK, k, null, null, cache.expiry());
            cache.expired(raised, key, peek);
            byte[] current = peek.outcome() == Outcome.HIT ? peek.value() : null;
            V original = store.decodeValueOf(key, current);
            PotteryMutableEntry<K, V> entry = new PotteryMutableEntry<>(key, original,
                    cache.isReadThrough() ? cache.loader() : null);
            T result;
            try {
                result = processor.process(entry, arguments);
            } catch (EntryProcessorException e) {
                cache.events().dispatch(raised);
                throw e;
            } catch (Exception e) {
                cache.events().dispatch(raised);
                throw new EntryProcessorException("entry processor failed on " + FailureText.key(key) + " of "
                        + store.where() + ": " + e, e);
            }
            EntryResult written = writeBack(key, k, current, entry);
            if (written != null && written.outcome() == Outcome.CONFLICT) {
                continue;
            }
            account(key, original, entry, written, raised);
            cache.events().dispatch(raised);
            return result;
        }
    }

    private EntryResult writeBack(K key, byte[] k, byte[] current, PotteryMutableEntry<K, V> entry) {
        CacheStore<K, V> store = cache.store();
        ProcessorAction action = entry.action();
        switch (action) {
            case ACCESS:
                return store.commit(EntryOp.COMMIT, k, null, current, current != null, "access", cache.expiry());
            case LOAD:
            case CREATE:
            case UPDATE: {
                V value = entry.currentValue();
                cache.checkValue(value);
                byte[] bytes = store.encodeValue(value);
                if (action != ProcessorAction.LOAD && cache.writer() != null) {
                    cache.writer().write(key, value);
                }
                return store.commit(EntryOp.COMMIT, k, bytes, current, current != null, "set", cache.expiry());
            }
            case REMOVE:
                if (cache.writer() != null) {
                    cache.writer().delete(key);
                }
                return current == null ? null
                        : store.commit(EntryOp.COMMIT, k, null, current, true, "remove", cache.expiry());
            default:
                return null;
        }
    }

    private void account(K key, V original, PotteryMutableEntry<K, V> entry, EntryResult written,
                         List<PotteryCacheEntryEvent<K, V>> raised) {
        Outcome outcome = written == null ? Outcome.NONE : written.outcome();
        if (written != null) {
            cache.expired(raised, key, written);
        }
        switch (outcome) {
            case CREATED -> cache.raise(raised, EventType.CREATED, key, entry.currentValue(), null);
            case UPDATED -> cache.raise(raised, EventType.UPDATED, key, entry.currentValue(), original);
            case REMOVED -> cache.raise(raised, EventType.REMOVED, key, original, original);
            default -> { }
        }
        stats.read(entry.existed());
        stats.written(outcome);
    }

    <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> processor,
                                                  Object... arguments) {
        Map<K, EntryProcessorResult<T>> results = new LinkedHashMap<>();
        for (K key : keys) {
            try {
                T result = invoke(key, processor, arguments);
                if (result != null) {
                    results.put(key, () -> result);
                }
            } catch (EntryProcessorException e) {
                results.put(key, () -> {
                    throw e;
                });
            } catch (RuntimeException e) {
                EntryProcessorException wrapped = new EntryProcessorException("entry processor failed on "
                        + FailureText.key(key) + " of " + cache.store().where() + ": " + e, e);
                results.put(key, () -> {
                    throw wrapped;
                });
            }
        }
        return results;
    }
}
