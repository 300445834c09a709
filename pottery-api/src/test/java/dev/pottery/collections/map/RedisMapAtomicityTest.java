package dev.pottery.collections.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.codec.JsonCodec;
import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The atomic methods stay atomic when 8 threads on two separate clients (two "processes") race. */
@RedisServers
class RedisMapAtomicityTest {

    private static final int THREADS = 8;

    private UnifiedJedis first;
    private UnifiedJedis second;
    private ExecutorService pool;

    @BeforeEach
    void connect(RedisDeployment server) {
        first = server.newClient();
        second = server.newClient();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void disconnect() {
        pool.shutdownNow();
        first.close();
        second.close();
    }

    private RedisMap<String, Long> map(int thread) {
        return RedisMap.builder(thread % 2 == 0 ? first : second).key("race")
                .keyCodec(JsonCodec.of(String.class)).valueCodec(JsonCodec.of(Long.class)).build();
    }

    /** Runs one task per thread, all released at once, and returns their results. */
    private <T> List<T> race(java.util.function.IntFunction<Callable<T>> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Callable<T> work = task.apply(t);
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    @Test
    void putIfAbsentIsAtomicAcrossTwoClients() throws Exception {
        for (int round = 0; round < 20; round++) {
            String key = "k" + round;
            List<Long> previous = race(t -> () -> map(t).putIfAbsent(key, (long) t));
            assertThat(previous).as("exactly one thread found the key absent").containsOnlyOnce((Long) null);
            long winner = map(0).get(key);
            assertThat(previous).filteredOn(p -> p != null).allMatch(p -> p == winner);
        }
    }

    @Test
    void mergeCountersFromEightThreadsOnTwoClientsLoseNoUpdate() throws Exception {
        int perThread = 100;
        race(t -> () -> {
            RedisMap<String, Long> map = map(t);
            for (int i = 0; i < perThread; i++) {
                map.merge("hits", 1L, Long::sum);
            }
            return null;
        });
        assertThat(map(0).get("hits")).isEqualTo((long) THREADS * perThread);
    }

    @Test
    void computeIncrementsFromEightThreadsOnTwoClientsLoseNoUpdate() throws Exception {
        int perThread = 50;
        race(t -> () -> {
            RedisMap<String, Long> map = map(t);
            for (int i = 0; i < perThread; i++) {
                map.compute("n", (k, v) -> v == null ? 1L : v + 1);
                map.computeIfPresent("n", (k, v) -> v + 1);
            }
            return null;
        });
        // Each thread's compute creates the key before its computeIfPresent, so both always add one.
        assertThat(map(0).get("n")).isEqualTo((long) THREADS * perThread * 2);
    }

    @Test
    void computeIfAbsentRunsOnceAndEveryCallerSeesTheWinningValue() throws Exception {
        List<Long> seen = race(t -> () -> map(t).computeIfAbsent("lazy", k -> 100L + t));
        assertThat(seen).containsOnly(map(0).get("lazy"));
    }

    @Test
    void replaceCompareAndSetLetsOnlyOneOfManyRacersWin() throws Exception {
        map(0).put("v", 0L);
        List<Boolean> won = race(t -> () -> map(t).replace("v", 0L, (long) t + 1));
        assertThat(won).containsOnlyOnce(true);
        long current = map(0).get("v");
        List<Boolean> removed = race(t -> () -> map(t).remove("v", current));
        assertThat(removed).containsOnlyOnce(true);
        assertThat(map(0).containsKey("v")).isFalse();
    }
}
