package dev.pottery.jcache;

import dev.pottery.jcache.OperationStatistics.Kind;
import dev.pottery.jcache.event.PotteryCacheEntryEvent;
import dev.pottery.jcache.expiry.ExpiryDurations;
import dev.pottery.jcache.integration.WriteThrough;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The single-entry writes of a {@link PotteryCache}: put, putIfAbsent, replace, remove and their
 * get-and- variants. Each is one script call that reports what happened; statistics, events and the
 * writer act on that report.
 *
 * <pre>{@code
 * cache.putIfAbsent("k", "v");    // entry.lua 'putIfAbsent': created, or present (a hit)
 * cache.replace("k", "v", "w");   // entry.lua 'replaceIf': updated, mismatch (access expiry) or miss
 * }</pre>
 *
 * <p>With a CacheWriter, which must run before the cache changes and only if it does, the conditional writes
 * read first, call the writer, and write back with a check that the entry is unchanged (retrying if it
 * changed): two round trips. Unconditional puts and removes call the writer first and stay one round trip.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class WriteOperations<K, V> {

    private final PotteryCache<K, V> cache;
    private final CacheStore<K, V> store;
    private final ExpiryDurations expiry;
    private final WriteThrough<K, V> writer;
    private final OperationStatistics stats;

    WriteOperations(PotteryCache<K, V> cache) {
        this.cache = cache;
        this.store = cache.store();
        this.expiry = cache.expiry();
        this.writer = cache.writer();
        this.stats = new OperationStatistics(cache);
    }

    void put(K key, V value) {
        putAndReport(key, value);
    }

    V getAndPut(K key, V value) {
        EntryResult r = putAndReport(key, value);
        stats.read(r.outcome() == Outcome.UPDATED);
        return r.outcome() == Outcome.UPDATED ? store.decodeValueOf(key, r.value()) : null;
    }

    private EntryResult putAndReport(K key, V value) {
        long start = begin(key, value);
        byte[] k = store.encodeKey(key);
        byte[] v = store.encodeValue(value);
        if (writer != null) {
            writer.write(key, value);
        }
        EntryResult r = store.entry(EntryOp.PUT, k, v, null, expiry);
        return finish(Kind.PUT, key, value, r, new ArrayList<>(2), start);
    }

    boolean putIfAbsent(K key, V value) {
        long start = begin(key, value);
        byte[] k = store.encodeKey(key);
        byte[] v = store.encodeValue(value);
        List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>(2);
        EntryResult r = conditional(EntryOp.PUT_IF_ABSENT, key, k, v, null, raised, current -> current != null
                ? Plan.quiet(Outcome.PRESENT)
                : new Plan("set", v, () -> writer.write(key, value), null));
        finish(Kind.PUT_IF_ABSENT, key, value, r, raised, start);
        return r.outcome() == Outcome.CREATED || r.outcome() == Outcome.NONE;
    }

    boolean replace(K key, V oldValue, V newValue) {
        long start = begin(key, oldValue, newValue);
        byte[] k = store.encodeKey(key);
        byte[] expected = store.encodeValue(oldValue);
        byte[] v = store.encodeValue(newValue);
        List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>(2);
        EntryResult r = conditional(EntryOp.REPLACE_IF, key, k, v, expected, raised, current ->
                Plan.ifEqual(current, expected, new Plan("set", v, () -> writer.write(key, newValue), null)));
        return finish(Kind.REPLACE, key, newValue, r, raised, start).outcome() == Outcome.UPDATED;
    }

    boolean replace(K key, V value) {
        return replaceAndReport(key, value).outcome() == Outcome.UPDATED;
    }

    V getAndReplace(K key, V value) {
        EntryResult r = replaceAndReport(key, value);
        return r.outcome() == Outcome.UPDATED ? store.decodeValueOf(key, r.value()) : null;
    }

    private EntryResult replaceAndReport(K key, V value) {
        long start = begin(key, value);
        byte[] k = store.encodeKey(key);
        byte[] v = store.encodeValue(value);
        List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>(2);
        EntryResult r = conditional(EntryOp.REPLACE, key, k, v, null, raised, current -> current == null
                ? Plan.quiet(Outcome.MISS)
                : new Plan("set", v, () -> writer.write(key, value), null));
        return finish(Kind.REPLACE, key, value, r, raised, start);
    }

    boolean remove(K key) {
        return removeAndReport(Kind.REMOVE, key).outcome() == Outcome.REMOVED;
    }

    boolean remove(K key, V oldValue) {
        long start = begin(key, oldValue);
        byte[] k = store.encodeKey(key);
        byte[] expected = store.encodeValue(oldValue);
        List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>(1);
        EntryResult r = conditional(EntryOp.REMOVE_IF, key, k, null, expected, raised, current ->
                Plan.ifEqual(current, expected, new Plan("remove", null, () -> writer.delete(key), null)));
        return finish(Kind.REMOVE_IF, key, null, r, raised, start).outcome() == Outcome.REMOVED;
    }

    V getAndRemove(K key) {
        EntryResult r = removeAndReport(Kind.GET_AND_REMOVE, key);
        return r.outcome() == Outcome.REMOVED ? store.decodeValueOf(key, r.value()) : null;
    }

    private EntryResult removeAndReport(Kind kind, K key) {
        long start = begin(key);
        byte[] k = store.encodeKey(key);
        if (writer != null) {
            writer.delete(key);
        }
        EntryResult r = store.entry(EntryOp.REMOVE, k, null, null, expiry);
        return finish(kind, key, null, r, new ArrayList<>(1), start);
    }

    /** One script call without a writer; with one, {@link #optimistic} with the {@code planner}'s decision. */
    private EntryResult conditional(EntryOp op, K key, byte[] k, byte[] v, byte[] expected,
                                    List<PotteryCacheEntryEvent<K, V>> raised, Function<byte[], Plan> planner) {
        return writer == null ? store.entry(op, k, v, expected, expiry) : optimistic(key, k, raised, planner);
    }

    /** Checks the cache is open and the key and values are acceptable; returns the start time. */
    @SafeVarargs
    private long begin(K key, V... values) {
        cache.checkOpen();
        cache.checkKey(key);
        for (V value : values) {
            cache.checkValue(value);
        }
        return System.nanoTime();
    }

    /** Acts on what happened: events for an expired entry and for the change, statistics, then dispatch. */
    private EntryResult finish(Kind kind, K key, V value, EntryResult r, List<PotteryCacheEntryEvent<K, V>> raised,
                               long start) {
        cache.expired(raised, key, r);
        cache.changed(raised, key, value, r);
        stats.record(kind, r.outcome(), start);
        cache.events().dispatch(raised);
        return r;
    }

    /** What a conditional operation with a writer decided after reading the entry. */
    private record Plan(String action, byte[] value, Runnable write, Outcome quietOutcome) {
        static Plan quiet(Outcome outcome) {
            return new Plan("none", null, null, outcome);
        }

        /** {@code then} if {@code current} equals {@code expected}; a miss if absent; else only an access. */
        static Plan ifEqual(byte[] current, byte[] expected, Plan then) {
            return current == null ? quiet(Outcome.MISS)
                    : !Arrays.equals(current, expected) ? new Plan("access", null, null, Outcome.MISMATCH)
                    : then;
        }
    }

    /**
     * Read, decide (calling the writer), then write back only if the entry is unchanged; retried on conflict.
     * Used by the conditional operations when a CacheWriter must run before the cache changes.
     */
    private EntryResult optimistic(K key, byte[] k, List<PotteryCacheEntryEvent<K, V>> raised, Function<byte[], Plan> planner) {
        while (true) {
            EntryResult peek = store.entry(EntryOp.PEEK, k, null, null, expiry);
            cache.expired(raised, key, peek);
            byte[] current = peek.outcome() == Outcome.HIT ? peek.value() : null;
            Plan plan = planner.apply(current);
            if (plan.action().equals("none")) {
                return new EntryResult(plan.quietOutcome(), current, null, null);
            }
            if (plan.write() != null) {
                plan.write().run();
            }
            EntryResult r = store.commit(EntryOp.COMMIT, k, plan.value(), current, current != null, plan.action(), expiry);
            if (r.outcome() == Outcome.CONFLICT) {
                continue;
            }
            if (plan.action().equals("access")) {
                return new EntryResult(plan.quietOutcome(), current, r.expired(), null);
            }
            return r;
        }
    }
}
