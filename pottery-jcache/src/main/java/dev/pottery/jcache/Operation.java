package dev.pottery.jcache;

import dev.pottery.jcache.OperationStatistics.Kind;
import dev.pottery.jcache.OperationStatistics.Tally;
import dev.pottery.jcache.event.PotteryCacheEntryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.cache.event.EventType;

/**
 * One cache operation's report: it gathers what the operation did — events for listeners, counts for
 * statistics — and hands them over once, when the operation completes (statistics first, then events, so a
 * synchronous listener that throws cannot lose a count). Time spent in a {@code CacheLoader} is left out of
 * the operation's time, as the spec's average get time requires.
 *
 * <pre>{@code
 * return reporter.run(op -> {
 *     EntryReply r = store.entry(EntryCall.of(EntryAction.REMOVE, k), expiry);
 *     op.expired(key, r.expired());
 *     op.changed(key, null, r);
 *     op.count(Kind.REMOVE, r.outcome());
 *     return r.outcome() == Outcome.REMOVED;
 * });
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
final class Operation<K, V> {

    private final Reporter<K, V> reporter;
    private final long start = System.nanoTime();
    private final Tally tally = new Tally();
    private long untimedNanos;
    private List<PotteryCacheEntryEvent<K, V>> raised;
    private boolean completed;

    Operation(Reporter<K, V> reporter) {
        this.reporter = reporter;
    }

    /** Adds the EXPIRED event of an expired entry the script found and deleted (its bytes, or null if none). */
    void expired(K key, byte[] old) {
        if (old != null && reporter.events().hasListeners()) {
            V value = oldValue(key, old);
            raise(EventType.EXPIRED, key, value, value);
        }
    }

    /** Adds the CREATED, UPDATED or REMOVED event a reply reports ({@code value}: the new value). */
    void changed(K key, V value, EntryReply reply) {
        if (!reporter.events().hasListeners()) {
            return;
        }
        switch (reply.outcome()) {
            case CREATED -> raise(EventType.CREATED, key, value, null);
            case UPDATED -> raise(EventType.UPDATED, key, value, oldValue(key, reply.value()));
            case REMOVED -> {
                V old = oldValue(key, reply.value());
                raise(EventType.REMOVED, key, old, old);
            }
            default -> { }
        }
    }

    /**
     * The old value an event carries, or null (the event then says no old value is available) when its bytes
     * cannot be decoded: the change has taken effect in Redis (overwriting or removing such bytes is how they
     * are repaired), so the operation must not fail over an event's detail.
     */
    private V oldValue(K key, byte[] bytes) {
        try {
            return reporter.codec().decodeValue(key, bytes);
        } catch (javax.cache.CacheException e) {
            return null;
        }
    }

    /** Adds the expired and changed events of a reply. */
    void reported(K key, V value, EntryReply reply) {
        expired(key, reply.expired());
        changed(key, value, reply);
    }

    /** Adds an event. */
    void raise(EventType type, K key, V value, V old) {
        if (!reporter.events().hasListeners()) {
            return;
        }
        if (raised == null) {
            raised = new ArrayList<>(2);
        }
        raised.add(new PotteryCacheEntryEvent<>(reporter.events().source(), type, key, value, old, old != null));
    }

    /** Counts a single-entry operation of {@code kind} that ended in {@code outcome}. */
    void count(Kind kind, Outcome outcome) {
        OperationStatistics.count(tally, kind, outcome);
    }

    /** Counts a read (untimed), as an entry processor's or getAndPut's. */
    void read(boolean hit) {
        tally.read(hit);
    }

    /** Counts an untimed write: a put on CREATED or UPDATED, a removal on REMOVED. */
    void written(Outcome outcome) {
        if (outcome == Outcome.CREATED || outcome == Outcome.UPDATED) {
            tally.puts++;
        } else if (outcome == Outcome.REMOVED) {
            tally.removals++;
        }
    }

    /** Counts a batch of reads, timed. */
    void gets(long hits, long misses) {
        tally.hits += hits;
        tally.misses += misses;
        tally.timeGet = true;
    }

    /** Counts a batch of puts, timed (even for none). */
    void puts(long count) {
        tally.puts += count;
        tally.timePut = true;
    }

    /** Counts a batch of removals, timed (even for none). */
    void removals(long count) {
        tally.removals += count;
        tally.timeRemove = true;
    }

    /** Runs {@code work} (a CacheLoader call) outside the operation's time. */
    <T> T untimed(Supplier<T> work) {
        long begin = System.nanoTime();
        try {
            return work.get();
        } finally {
            untimedNanos += System.nanoTime() - begin;
        }
    }

    /** Records the statistics and delivers the events; only the first call does anything. */
    void complete() {
        if (completed) {
            return;
        }
        completed = true;
        reporter.statistics().record(tally, System.nanoTime() - start - untimedNanos);
        if (raised != null) {
            reporter.events().dispatch(raised);
        }
    }
}
