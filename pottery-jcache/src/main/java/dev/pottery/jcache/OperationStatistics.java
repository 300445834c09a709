package dev.pottery.jcache;

import dev.pottery.jcache.management.PotteryCacheStatistics;

/**
 * Turns what an operation did (its kind, its {@link Outcome} and when it started) into the calls on the
 * cache's {@link PotteryCacheStatistics}, and does nothing while statistics are off.
 *
 * <pre>{@code
 * long start = System.nanoTime();
 * EntryResult r = store.entry(EntryOp.REMOVE, k, null, null, expiry);
 * stats.record(OperationStatistics.Kind.REMOVE, r.outcome(), start);   // a removal and its time, if REMOVED
 * }</pre>
 */
final class OperationStatistics {

    /** The single-entry operations whose outcome decides their statistics. */
    enum Kind {
        /** get: a hit on HIT, else a miss; the get time always. */
        GET,
        /** put: a put and its time on CREATED or UPDATED. */
        PUT,
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

    private final PotteryCache<?, ?> cache;

    OperationStatistics(PotteryCache<?, ?> cache) {
        this.cache = cache;
    }

    /** Records one single-entry operation of {@code kind} that ended with {@code outcome}. */
    void record(Kind kind, Outcome outcome, long start) {
        if (!cache.statisticsOn()) {
            return;
        }
        PotteryCacheStatistics s = cache.statistics();
        switch (kind) {
            case GET -> {
                hitOrMiss(s, outcome == Outcome.HIT);
                s.recordGetTime(System.nanoTime() - start);
            }
            case PUT -> {
                if (outcome == Outcome.CREATED || outcome == Outcome.UPDATED) {
                    timedPut(s, start);
                }
            }
            case PUT_IF_ABSENT -> {
                hitOrMiss(s, outcome == Outcome.PRESENT);
                if (outcome == Outcome.CREATED) {
                    timedPut(s, start);
                }
            }
            case REPLACE -> {
                hitOrMiss(s, outcome != Outcome.MISS);
                if (outcome == Outcome.UPDATED) {
                    s.recordPuts(1);
                }
            }
            case REMOVE -> {
                if (outcome == Outcome.REMOVED) {
                    timedRemoval(s, start);
                }
            }
            case REMOVE_IF -> {
                hitOrMiss(s, outcome != Outcome.MISS);
                if (outcome == Outcome.REMOVED) {
                    timedRemoval(s, start);
                }
            }
            case GET_AND_REMOVE -> {
                hitOrMiss(s, outcome == Outcome.REMOVED);
                if (outcome == Outcome.REMOVED) {
                    timedRemoval(s, start);
                }
            }
        }
    }

    /** Records a read that hit or missed, untimed (getAndPut's read, an entry processor's). */
    void read(boolean hit) {
        if (cache.statisticsOn()) {
            hitOrMiss(cache.statistics(), hit);
        }
    }

    /** Records an untimed write: a put on CREATED or UPDATED, a removal on REMOVED (entry processors). */
    void written(Outcome outcome) {
        if (!cache.statisticsOn()) {
            return;
        }
        if (outcome == Outcome.CREATED || outcome == Outcome.UPDATED) {
            cache.statistics().recordPuts(1);
        } else if (outcome == Outcome.REMOVED) {
            cache.statistics().recordRemovals(1);
        }
    }

    /** Records a batch of reads started at {@code start}: its hits, misses and time. */
    void gets(long hits, long misses, long start) {
        if (cache.statisticsOn()) {
            cache.statistics().recordHits(hits);
            cache.statistics().recordMisses(misses);
            cache.statistics().recordGetTime(System.nanoTime() - start);
        }
    }

    /** Records a batch of puts started at {@code start}: how many and the time (even for none). */
    void puts(long count, long start) {
        if (cache.statisticsOn()) {
            cache.statistics().recordPuts(count);
            cache.statistics().recordPutTime(System.nanoTime() - start);
        }
    }

    /** Records a batch of removals started at {@code start}: how many and the time (even for none). */
    void removals(long count, long start) {
        if (cache.statisticsOn()) {
            cache.statistics().recordRemovals(count);
            cache.statistics().recordRemoveTime(System.nanoTime() - start);
        }
    }

    private static void hitOrMiss(PotteryCacheStatistics s, boolean hit) {
        if (hit) {
            s.recordHits(1);
        } else {
            s.recordMisses(1);
        }
    }

    private static void timedPut(PotteryCacheStatistics s, long start) {
        s.recordPuts(1);
        s.recordPutTime(System.nanoTime() - start);
    }

    private static void timedRemoval(PotteryCacheStatistics s, long start) {
        s.recordRemovals(1);
        s.recordRemoveTime(System.nanoTime() - start);
    }
}
