package dev.pottery.bench;

import dev.pottery.id.NextId;
import dev.pottery.lock.Redlock;
import dev.pottery.testing.RedisServerGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.UnifiedJedis;

/**
 * Rough figures for the report, not a test: wall time of lock+unlock on 5 masters against 1, and
 * NextId throughput at 1 and 8 threads on 1 and 5 masters next to raw INCR. Run with
 * {@code java -cp <test classpath> dev.pottery.bench.CoordinationFigures}.
 */
public final class CoordinationFigures {

    private CoordinationFigures() {
    }

    public static void main(String[] args) throws Exception {
        try (RedisServerGroup five = RedisServerGroup.start(5)) {
            List<UnifiedJedis> fiveMasters = five.clients();
            List<UnifiedJedis> oneMaster = fiveMasters.subList(0, 1);
            System.out.printf("lock+unlock, 1 thread: 1 master %.0f us, 5 masters %.0f us%n",
                    lockUnlockMicros(oneMaster), lockUnlockMicros(fiveMasters));
            for (int threads : new int[] {1, 8}) {
                double incr = perSecond(threads, () -> fiveMasters.get(0).incr("raw-incr"));
                NextId one = new NextId("bench-1", oneMaster);
                NextId fives = new NextId("bench-5", fiveMasters);
                double ids1 = perSecond(threads, one::next);
                double ids5 = perSecond(threads, fives::next);
                System.out.printf("%d thread(s): raw INCR %.0f/s; NextId 1 master %.0f ids/s (%.2f of INCR); "
                        + "5 masters %.0f ids/s (%.2f of INCR)%n", threads, incr, ids1, ids1 / incr, ids5, ids5 / incr);
            }
        }
    }

    private static double lockUnlockMicros(List<UnifiedJedis> masters) {
        Redlock lock = new Redlock("bench", masters);
        for (int i = 0; i < 500; i++) {
            lock.lock();
            lock.unlock();
        }
        int rounds = 3000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            lock.lock();
            lock.unlock();
        }
        return (System.nanoTime() - start) / 1000.0 / rounds;
    }

    private static double perSecond(int threads, Runnable operation) throws Exception {
        runFor(threads, operation, 500); // warm-up
        long ops = runFor(threads, operation, 3000);
        return ops / 3.0;
    }

    private static long runFor(int threads, Runnable operation, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> counts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            counts.add(pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    operation.run();
                    n++;
                }
                return n;
            }));
        }
        Thread.sleep(millis);
        stop.set(true);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return total;
    }
}
