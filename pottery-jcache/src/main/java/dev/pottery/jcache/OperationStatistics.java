package dev.pottery.jcache;

import dev.pottery.jcache.management.PotteryCacheStatistics;

/**
 * The statistics of one cache in this JVM and the spec's rules for what each operation counts: an
 * {@link Operation} tallies its facts with these rules and hands the tally over once, when it completes.
 * Nothing is recorded while statistics are off.
 *
 * <pre>{@code
 * Tally tally = new Tally();
 * OperationStatistics.count(tally, Kind.REMOVE, Outcome.REMOVED);   // a removal, timed
 * statistics.record(tally, elapsedNanos);
 * }</pre>
 */
final class OperationStatistics {

    /** The single-entry operations whose outcome decides their statistics. */
    enum Kind {
        /** get: a hit on HIT, else a miss; the get time always. */
        GET,
        /** put: a put and its time on CREATED or UPDATED. */
        PUT,
        /** getAndPut: as PUT, and a hit on UPDATED, else a miss. */
        GET_AND_PUT,
        /** putIfAbsent: a hit on PRESENT, else a miss; a put and its time on CREATED. */
        PUT_IF_ABSENT,
        /** replace (both forms) and getAndReplace: a miss on MISS, else a hit; a put (untimed) on UPDATED. */
        REPLACE,
        /** remove(key): a removal and its time on REMOVED. */
        REMOVE,
        /** remove(key, value): a miss on MISS, else a hit; a removal and its time on REMOVED. */
        REMOVE_IF,
        /** getAndRemove: a hit, a removal and its time on REMOVED, else a miss. */
        GET_AND_REMOVE
    }

    private final PotteryCacheStatistics counters = new PotteryCacheStatistics();
    private volatile boolean enabled;

    OperationStatistics(boolean enabled) {
        this.enabled = enabled;
    }

    /** The counters (also the statistics MXBean). */
    PotteryCacheStatistics counters() {
        return counters;
    }

    boolean enabled() {
        return enabled;
    }

    void enable(boolean on) {
        enabled = on;
    }

    /** Adds to {@code tally} what one single-entry operation of {@code kind} that ended in {@code outcome} counts. */
    static void count(Tally tally, Kind kind, Outcome outcome) {
        switch (kind) {
            case GET -> {
                tally.read(outcome == Outcome.HIT);
                tally.timeGet = true;
            }
            case PUT -> timedPut(tally, outcome == Outcome.CREATED || outcome == Outcome.UPDATED);
            case GET_AND_PUT -> {
                tally.read(outcome == Outcome.UPDATED);
                timedPut(tally, outcome == Outcome.CREATED || outcome == Outcome.UPDATED);
            }
            case PUT_IF_ABSENT -> {
                tally.read(outcome == Outcome.PRESENT);
                timedPut(tally, outcome == Outcome.CREATED);
            }
            case REPLACE -> {
                tally.read(outcome != Outcome.MISS);
                tally.puts += outcome == Outcome.UPDATED ? 1 : 0;
            }
            case REMOVE -> timedRemoval(tally, outcome == Outcome.REMOVED);
            case REMOVE_IF -> {
                tally.read(outcome != Outcome.MISS);
                timedRemoval(tally, outcome == Outcome.REMOVED);
            }
            case GET_AND_REMOVE -> {
                tally.read(outcome == Outcome.REMOVED);
                timedRemoval(tally, outcome == Outcome.REMOVED);
            }
        }
    }

    /** Records a completed operation's tally; its timers get {@code nanos} (loader time already left out). */
    void record(Tally tally, long nanos) {
        if (!enabled) {
            return;
        }
        if (tally.hits > 0) {
            counters.recordHits(tally.hits);
        }
        if (tally.misses > 0) {
            counters.recordMisses(tally.misses);
        }
        if (tally.puts > 0) {
            counters.recordPuts(tally.puts);
        }
        if (tally.removals > 0) {
            counters.recordRemovals(tally.removals);
        }
        if (tally.timeGet) {
            counters.recordGetTime(nanos);
        }
        if (tally.timePut) {
            counters.recordPutTime(nanos);
        }
        if (tally.timeRemove) {
            counters.recordRemoveTime(nanos);
        }
    }

    private static void timedPut(Tally tally, boolean put) {
        if (put) {
            tally.puts++;
            tally.timePut = true;
        }
    }

    private static void timedRemoval(Tally tally, boolean removed) {
        if (removed) {
            tally.removals++;
            tally.timeRemove = true;
        }
    }

    /** What one operation counts, before it is recorded. */
    static final class Tally {
        long hits;
        long misses;
        long puts;
        long removals;
        boolean timeGet;
        boolean timePut;
        boolean timeRemove;

        void read(boolean hit) {
            if (hit) {
                hits++;
            } else {
                misses++;
            }
        }
    }
}
