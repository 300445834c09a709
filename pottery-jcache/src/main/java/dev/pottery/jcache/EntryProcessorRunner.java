package dev.pottery.jcache;

import dev.pottery.jcache.expiry.ExpiryDurations;
import dev.pottery.jcache.integration.WriteThrough;
import dev.pottery.jcache.processor.PotteryMutableEntry;
import dev.pottery.jcache.processor.ProcessorAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.cache.event.EventType;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * Runs entry processors atomically per key: read the entry (one script), run the processor on a local
 * {@link PotteryMutableEntry}, then write back (one script) only if the entry is still as it was read.
 *
 * <p>How often the processor runs:
 * <ul>
 *   <li>Callers in one JVM on one key take turns (a lock per key), so without other processes a processor
 *       runs once per call.</li>
 *   <li>With a CacheWriter, and whenever the entry is absent (a processor that loads, such as Spring's
 *       {@code @Cacheable(sync = true)}), the read also takes the entry's lease in Redis: callers in other
 *       processes wait for it, so the processor — and the writer or the value loader inside it — runs once
 *       per call across processes too, and the writer sees the changes in the cache's order.</li>
 *   <li>Without a writer, on a present entry, no lease is taken: a process that changes the entry between
 *       the read and the write-back makes the write-back fail, and the processor runs again on the new
 *       value. Only one run takes effect; a processor with side effects outside the cache should therefore
 *       be idempotent, or the cache should have a writer.</li>
 * </ul>
 *
 * <pre>{@code
 * cache.invoke("counter", (entry, args) -> {
 *     entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
 *     return null;
 * });
 * }</pre>
 *
 * <p>Round trips: two when the processor changes the entry or reads it under an access-expiry policy, or when
 * a lease was taken; one when it only looks. The read of a present entry of an eternal cache without writer
 * is a plain HGET.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class EntryProcessorRunner<K, V> {

    private final EntryCodec<K, V> codec;
    private final TypeChecks<K, V> checks;
    private final ExpiryDurations expiry;
    private final CacheStore store;
    private final WriteThrough<K, V> writer;
    private final Misses<K, V> misses;
    private final EntryGuard guard;
    private final Reporter<K, V> reporter;
    private final LeaseUse readLease;
    private final boolean plainReads;

    EntryProcessorRunner(CacheContext<K, V> context) {
        this.codec = context.codec();
        this.checks = context.checks();
        this.expiry = context.expiry();
        this.store = context.store();
        this.writer = context.writer();
        this.misses = context.misses();
        this.guard = context.guard();
        this.reporter = context.reporter();
        this.readLease = writer.isPresent() ? LeaseUse.ACQUIRE : LeaseUse.ACQUIRE_IF_ABSENT;
        this.plainReads = expiry.isEternal() && !writer.isPresent();
    }

    <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
        byte[] k = codec.encodeKey(checks.key(key));
        String what = FailureText.key(key);
        return reporter.run(op -> guard.locked(k, what, () -> {
            while (true) {
                // An eternal cache without writer reads a present entry with a plain HGET (no lease needed);
                // an absent one is read again by the script, which leases it for a processor that loads.
                byte[] present = plainReads ? store.read(k) : null;
                Attempt<T> attempt = present != null
                        ? attempt(op, key, k, what, new EntryReply(Outcome.HIT, present, null, 0), processor, arguments)
                        : guard.run(EntryCall.of(EntryAction.PEEK, k).under(readLease), what,
                                read -> attempt(op, key, k, what, read, processor, arguments));
                if (attempt.done()) {
                    return attempt.result();
                }
            }
        }));
    }

    private <T> Attempt<T> attempt(Operation<K, V> op, K key, byte[] k, String what, EntryReply read,
                                   EntryProcessor<K, V, T> processor, Object... arguments) {
        op.expired(key, read.expired());
        byte[] current = read.outcome() == Outcome.HIT ? read.value() : null;
        V original = codec.decodeValue(key, current);
        Function<K, V> loader = misses.entryLoader();
        PotteryMutableEntry<K, V> entry = new PotteryMutableEntry<>(key, original,
                missing -> op.untimed(() -> loader.apply(missing)));
        T result;
        EntryReply written;
        try {
            try {
                result = processor.process(entry, arguments);
            } catch (Exception e) {
                throw e instanceof EntryProcessorException processorFailure ? processorFailure
                        : new EntryProcessorException("entry processor failed on " + what + " of " + store.where()
                        + ": " + e, e);
            }
            written = writeBack(key, k, what, current, read.token(), entry);
        } catch (RuntimeException e) {
            op.read(entry.existed());   // the entry was read; nothing else happened
            throw e;
        }
        if (written != null && written.outcome() == Outcome.CONFLICT) {
            return new Attempt<>(false, null);
        }
        account(op, key, original, entry, written);
        return new Attempt<>(true, result);
    }

    /** The write-back of what the processor did, or null when it needs none. */
    private EntryReply writeBack(K key, byte[] k, String what, byte[] current, long token,
                                 PotteryMutableEntry<K, V> entry) {
        if (plainReads && token == 0 && current != null
                && (entry.action() == ProcessorAction.UPDATE || entry.action() == ProcessorAction.REMOVE)) {
            // a present entry of an eternal cache without writer: the small compare-and-set of plain.lua
            return store.swap(k, current, entry.action() == ProcessorAction.REMOVE ? null
                    : codec.encodeValue(key, checks.value(entry.currentValue())));
        }
        LeaseUse lease = token == 0 ? LeaseUse.NONE : LeaseUse.held(token);
        EntryCall call = switch (entry.action()) {
            case CREATE, UPDATE, LOAD -> {
                V value = checks.value(entry.currentValue());
                byte[] bytes = codec.encodeValue(key, value);
                if (entry.action() != ProcessorAction.LOAD) {
                    writer.write(key, value);
                }
                yield EntryCall.of(EntryAction.SET_IF, k, bytes);
            }
            case REMOVE -> {
                writer.delete(key);
                yield current == null ? release(k, token) : EntryCall.of(EntryAction.REMOVE_IF_STATE, k);
            }
            case ACCESS -> token == 0 && expiry.access() == ExpiryDurations.UNCHANGED ? null
                    : EntryCall.of(EntryAction.TOUCH_IF, k);
            case NONE -> release(k, token);
        };
        if (call == null) {
            return null;
        }
        if (!writer.isPresent()) {
            // Nothing outside the cache happened: a lease a write ended meanwhile (a put or remove that came
            // after this processor read the absent entry) means the entry changed, so the processor runs again.
            EntryReply r = store.entry(call.expectingState(current).under(lease), expiry);
            return r.outcome() == Outcome.LOST ? new EntryReply(Outcome.CONFLICT, null, null, 0) : r;
        }
        boolean writerRan = entry.action() != ProcessorAction.LOAD && entry.action() != ProcessorAction.ACCESS
                && entry.action() != ProcessorAction.NONE;
        return guard.writeBack(call.expectingState(current).under(lease), what, writerRan);
    }

    private static EntryCall release(byte[] k, long token) {
        return token == 0 ? null : EntryCall.of(EntryAction.RELEASE, k);
    }

    private void account(Operation<K, V> op, K key, V original, PotteryMutableEntry<K, V> entry, EntryReply written) {
        Outcome outcome = written == null ? Outcome.NONE : written.outcome();
        if (written != null) {
            op.expired(key, written.expired());
        }
        switch (outcome) {
            case CREATED -> op.raise(EventType.CREATED, key, entry.currentValue(), null);
            case UPDATED -> op.raise(EventType.UPDATED, key, entry.currentValue(), original);
            case REMOVED -> op.raise(EventType.REMOVED, key, original, original);
            default -> { }
        }
        op.read(entry.existed());
        if (entry.action() != ProcessorAction.LOAD) {
            op.written(outcome);   // a loaded value is not a put, as for a read-through get
        }
    }

    <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys, EntryProcessor<K, V, T> processor,
                                                  Object... arguments) {
        checks.keys(keys);
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
                        + FailureText.key(key) + " of " + store.where() + ": " + e, e);
                results.put(key, () -> {
                    throw wrapped;
                });
            }
        }
        return results;
    }

    /** One run of the processor: done (with its result), or to run again because the entry changed. */
    private record Attempt<T>(boolean done, T result) {
    }
}
