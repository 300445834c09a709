package dev.pottery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.id.NextId;
import dev.pottery.lock.Redlock;
import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Redlock and NextId shared by this JVM's threads and a second JVM, on 5 masters. */
@RedisServers(count = 5)
class CrossProcessTest {

    @Test
    void redlockExcludesThreadsHereAndAnotherJvm(RedisServerGroup group) throws Exception {
        List<UnifiedJedis> masters = group.clients();
        String counterPort = Integer.toString(group.get(0).port());
        Process child = ChildProcess.start("lock", List.of(counterPort, "100"), group.servers());
        Redlock lock = Redlock.builder("printer", masters).retryDelay(Duration.ofMillis(10)).build();
        runThreads(8, () -> {
            for (int i = 0; i < 25; i++) {
                lock.lock();
                try {
                    String value = masters.get(0).get("counter");
                    masters.get(0).set("counter", Long.toString((value == null ? 0 : Long.parseLong(value)) + 1));
                } finally {
                    lock.unlock();
                }
            }
            return null;
        });
        ChildProcess.output(child);
        assertThat(masters.get(0).get("counter")).isEqualTo("300");
    }

    @Test
    void nextIdIsUniqueAcrossThreadsHereAndAnotherJvm(RedisServerGroup group) throws Exception {
        Process child = ChildProcess.start("ids", List.of("400"), group.servers());
        NextId ids = new NextId("user-ids", group.clients());
        List<long[]> draws = runThreads(4, () -> LongStream.range(0, 100).map(i -> ids.next()).toArray());
        long[] theirs = ChildProcess.output(child).lines().mapToLong(Long::parseLong).toArray();
        assertThat(theirs).hasSize(400).isSorted().doesNotHaveDuplicates();
        List<Long> all = new ArrayList<>();
        Arrays.stream(theirs).forEach(all::add);
        for (long[] mine : draws) {
            assertThat(mine).isSorted().doesNotHaveDuplicates();
            Arrays.stream(mine).forEach(all::add);
        }
        assertThat(all).hasSize(800).doesNotHaveDuplicates();
    }

    private static <T> List<T> runThreads(int threads, java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
