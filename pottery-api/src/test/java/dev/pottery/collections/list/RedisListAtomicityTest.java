package dev.pottery.collections.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.codec.JsonCodec;
import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Index operations on two clients from 8 threads neither lose nor duplicate elements. */
@RedisServers
class RedisListAtomicityTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 50;

    @Test
    void concurrentInsertsAndRemovalsByIndexLoseNothing(RedisDeployment server) throws Exception {
        try (UnifiedJedis first = server.newClient(); UnifiedJedis second = server.newClient()) {
            RedisList<Integer> seed = RedisList.builder(first).key("l").codec(JsonCodec.of(Integer.class)).build();
            seed.addAll(IntStream.range(0, THREADS * PER_THREAD).map(i -> -1 - i).boxed().toList());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> removedByThread = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                RedisList<Integer> list = RedisList.builder(t % 2 == 0 ? first : second).key("l")
                        .codec(JsonCodec.of(Integer.class)).build();
                removedByThread.add(pool.submit(() -> {
                    start.await();
                    List<Integer> removed = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        list.add(1, thread * PER_THREAD + i);   // insert near the head
                        removed.add(list.remove(0));            // take whatever is first
                    }
                    return removed;
                }));
            }
            start.countDown();
            Set<Integer> removed = new HashSet<>();
            for (Future<List<Integer>> f : removedByThread) {
                for (Integer e : f.get()) {
                    assertThat(removed.add(e)).as("element %s removed twice", e).isTrue();
                }
            }
            pool.shutdown();
            Set<Integer> all = new HashSet<>(removed);
            List<Integer> remaining = seed.toList();
            all.addAll(remaining);
            assertThat(remaining.size() + removed.size()).isEqualTo(2 * THREADS * PER_THREAD);
            assertThat(all).hasSize(2 * THREADS * PER_THREAD);
        }
    }
}
