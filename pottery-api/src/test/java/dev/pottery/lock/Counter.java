package dev.pottery.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
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
                            lock.unlock();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
