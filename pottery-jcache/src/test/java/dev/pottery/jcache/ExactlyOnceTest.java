package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.processor.EntryProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The field faults of the exactly-once issue, as tests: a CacheWriter is called once per change that takes
 * effect, in the cache's order, so the system of record and the cache agree; a CacheLoader and a processor
 * that loads run once per miss per key; an entry processor runs once per call. With threads of this JVM, and
 * with a second JVM working on the same caches at the same time.
 */
@RedisServers
class ExactlyOnceTest {

    private Managers managers;
    private CacheManager manager;

    @BeforeEach
    void open(RedisServer server) {
        System.setProperty(SharedDatabase.URL, server.uri().toString());
        managers = new Managers(server);
        manager = managers.open("first-jvm");
    }

    @AfterEach
    void close() {
        managers.close();
    }

    private Cache<String, String> writeThrough(String name) {
        return manager.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setCacheWriterFactory(FactoryBuilder.factoryOf(new SharedDatabase(name)))
                .setWriteThrough(true));
    }

    private Cache<String, String> readThrough(String name) {
        return manager.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setCacheLoaderFactory(FactoryBuilder.factoryOf(new SharedDatabase(name)))
                .setReadThrough(true));
    }

    @Test
    void racingPutIfAbsentAndReplaceCallTheWriterOnlyForTheAttemptThatTakesEffect(UnifiedJedis redis)
            throws Exception {
        Cache<String, String> cache = writeThrough("race");
        AtomicLong wins = new AtomicLong();
        runThreads(8, thread -> {
            for (int round = 0; round < 40; round++) {
                String key = "k" + (round % 5);
                if (cache.putIfAbsent(key, "first-" + thread + "-" + round)) {
                    wins.incrementAndGet();
                }
                String current = cache.get(key);
                if (cache.replace(key, current, "next-" + thread + "-" + round)) {
                    wins.incrementAndGet();
                }
            }
        });
        assertThat(redis.llen("test:log:race")).as("writer calls").isEqualTo(wins.get());
        for (int k = 0; k < 5; k++) {
            assertThat(redis.hget("test:db:race", "k" + k)).as("k" + k).isEqualTo(cache.get("k" + k));
        }
    }

    @Test
    void twoHundredInvokeIncrementsFromEightThreadsRunTheProcessorAndTheWriterOnceEach(UnifiedJedis redis)
            throws Exception {
        Cache<String, String> cache = writeThrough("counter");
        AtomicLong runs = new AtomicLong();
        EntryProcessor<String, String, Long> increment = ExactlyOnceWorkload.increment(runs);
        runThreads(8, thread -> {
            for (int i = 0; i < 25; i++) {
                cache.invoke("hits", increment);
            }
        });
        assertThat(runs.get()).as("processor runs").isEqualTo(200);
        assertThat(cache.get("hits")).isEqualTo("200");
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 200; n++) {
            expected.add("write hits=" + n);
        }
        assertThat(redis.lrange("test:log:counter", 0, -1)).as("every write, once, in order").isEqualTo(expected);
    }

    @Test
    void springSyncStyleLoadingRunsTheValueLoaderOnceForEightConcurrentCallers() throws Exception {
        Cache<String, String> cache = manager.createCache("sync",
                new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch slow = new CountDownLatch(1);
        Callable<String> valueLoader = () -> {
            loads.incrementAndGet();
            slow.await(200, TimeUnit.MILLISECONDS);   // a slow query: the other callers arrive meanwhile
            return "report";
        };
        List<String> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        runThreads(8, thread -> results.add(cache.invoke("monthly", new ValueLoader(), valueLoader)));
        assertThat(loads.get()).isEqualTo(1);
        assertThat(results).hasSize(8).containsOnly("report");
    }

    /** Spring's JCacheCache.ValueLoaderEntryProcessor, as {@code @Cacheable(sync = true)} sends it. */
    static final class ValueLoader implements EntryProcessor<String, String, String> {
        @Override
        @SuppressWarnings("unchecked")
        public String process(javax.cache.processor.MutableEntry<String, String> entry, Object... arguments) {
            if (entry.exists()) {
                return entry.getValue();
            }
            try {
                String value = ((Callable<String>) arguments[0]).call();
                entry.setValue(value);
                return value;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void twoJvmsWithEightThreadsEachKeepTheWriterStoreEqualToTheCacheAndLoadEachKeyOnce(RedisServer server,
                                                                                     UnifiedJedis redis)
            throws Exception {
        Cache<String, String> orders = writeThrough("orders");
        Cache<String, String> catalog = readThrough("catalog");
        for (int i = 0; i < ExactlyOnceWorkload.KEYS; i++) {
            redis.hset("test:db:catalog", "item" + i, "value" + i);
        }
        Process other = ChildJvm.start(ExactlyOnceWorkload.class, server.uri().toString(), "shared", "8", "200");
        java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder output = new StringBuilder();
        for (String line = lines.readLine(); line != null && !line.equals("ready"); line = lines.readLine()) {
            output.append(line).append('\n');
        }
        redis.rpush("test:go", "go");   // both JVMs start now
        ExactlyOnceWorkload here = new ExactlyOnceWorkload();
        here.run(orders, catalog, 8, 200, "jvm1");
        assertThat(other.waitFor(120, TimeUnit.SECONDS)).as(output.toString()).isTrue();
        output.append(new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(other.exitValue()).as(output.toString()).isZero();
        Matcher there = Pattern.compile("changes (\\d+) invokes (\\d+) runs (\\d+)").matcher(output);
        assertThat(there.find()).as(output.toString()).isTrue();
        long changes = here.changes.get() + Long.parseLong(there.group(1));
        long invokes = here.invokes.get() + Long.parseLong(there.group(2));

        assertThat(redis.llen("test:log:orders")).as("writer calls = changes that took effect").isEqualTo(changes);
        assertThat(here.processorRuns.get()).as("processor runs here").isEqualTo(here.invokes.get());
        assertThat(Long.parseLong(there.group(3))).as("processor runs there").isEqualTo(Long.parseLong(there.group(2)));
        for (int i = 0; i < ExactlyOnceWorkload.KEYS; i++) {
            assertThat(redis.hget("test:db:orders", "k" + i)).as("k" + i).isEqualTo(orders.get("k" + i));
        }
        assertThat(orders.get(ExactlyOnceWorkload.COUNTER)).isEqualTo(Long.toString(invokes));
        List<String> counterWrites = redis.lrange("test:log:orders", 0, -1).stream()
                .filter(line -> line.startsWith("write " + ExactlyOnceWorkload.COUNTER + "=")).toList();
        for (int n = 1; n <= invokes; n++) {
            assertThat(counterWrites.get(n - 1)).isEqualTo("write counter=" + n);
        }
        Map<String, String> loads = redis.hgetAll("test:loads:catalog");
        assertThat(loads).isNotEmpty().allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo("1"));
        Map<String, String> computed = redis.hgetAll("test:computed");
        assertThat(computed).isNotEmpty().allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo("1"));
    }

    private interface ThreadBody {
        void run(int thread) throws Exception;
    }

    private static void runThreads(int threads, ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                body.run(thread);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }
}
