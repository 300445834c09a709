package dev.pottery.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import dev.pottery.ReleaseUnlockedLockException;
import redis.clients.jedis.UnifiedJedis;

/**
 * A deliberately non-atomic Redis counter (GET, then SET one more): concurrent increments lose
 * updates unless a lock makes them mutually exclusive, which is what the lock tests count on.
 */
final class Counter {

    private final UnifiedJedis redis;
    private final String key;

    Counter(UnifiedJedis redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    void incrementUnsafely() {
        String value = redis.get(key);
        long next = (value == null ? 0 : Long.parseLong(value)) + 1;
        Thread.yield(); // widen the window between read and write
        redis.set(key, Long.toString(next));
    }

    long value() {
        String value = redis.get(key);
        return value == null ? 0 : Long.parseLong(value);
    }

    /**
     * Runs {@code threads} threads, thread i using {@code locks[i % locks.length]}, each incrementing
     * {@code perThread} times under its lock; returns after all finished (rethrowing any failure).
     */
    void incrementConcurrently(int threads, int perThread, Lock... locks) throws Exception {
        incrementConcurrently(threads, perThread, false, locks);
    }

    /**
     * As {@link #incrementConcurrently(int, int, Lock...)}, but an {@code unlock()} that reports the
     * lease lost (masters killed or paused while it was held: {@link IllegalMonitorStateException}
     * caused by {@link ReleaseUnlockedLockException}) is counted instead of failing the run. The
     * increment it guarded still happened while the lock was held.
     *
     * @return how many unlocks reported a lost lease
     */
    int incrementConcurrentlyCountingLostLeases(int threads, int perThread, Lock... locks) throws Exception {
        return incrementConcurrently(threads, perThread, true, locks);
    }

    private int incrementConcurrently(int threads, int perThread, boolean tolerateLostLeases, Lock... locks)
            throws Exception {
        AtomicInteger lostLeases = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Lock lock = locks[t % locks.length];
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        lock.lock();
                        try {
                            incrementUnsafely();
                        } finally {
                            try {
                                lock.unlock();
                            } catch (IllegalMonitorStateException e) {
                                if (!tolerateLostLeases || !(e.getCause() instanceof ReleaseUnlockedLockException)) {
                                    throw e;
                                }
                                lostLeases.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return lostLeases.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
