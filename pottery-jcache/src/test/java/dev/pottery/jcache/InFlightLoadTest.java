package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CompletionListenerFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.UnifiedJedis;

/**
 * A cache without CacheWriter (the application writes its database, then puts or removes the cache entry) while
 * a load of that entry is in flight — a read-through get, or an entry processor computing an absent value as
 * Spring's {@code @Cacheable(sync = true)} does. The load read the database before the change; the change's
 * put or remove returns first; then the load finishes. The load's value must not be stored over the change:
 * the put or remove ends the lease the load holds, so its write-back is refused (a processor then runs again).
 */
@RedisServers
class InFlightLoadTest {

    static volatile CountDownLatch entered;
    static volatile CountDownLatch proceed;
    static volatile String database;

    /** Reads "the database" at once, and answers when the test lets it. */
    public static final class SlowLoader implements CacheLoader<String, String> {
        @Override
        public String load(String key) {
            String value = database;
            entered.countDown();
            try {
                proceed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        }

        @Override
        public Map<String, String> loadAll(Iterable<? extends String> keys) {
            Map<String, String> values = new HashMap<>();
            keys.forEach(k -> values.put(k, load(k)));
            return values;
        }
    }

    @ParameterizedTest(name = "{0} by the {1} instance during a {2}")
    @CsvSource({"put, same, get", "put, other, get", "remove, same, get", "remove, other, get",
            "put, same, invoke", "put, other, invoke", "remove, same, invoke", "remove, other, invoke",
            "remove, same, getAll", "remove, other, getAll"})
    void aLoadInFlightIsNotStoredOverALaterChange(String change, String instance, String read, RedisServer server,
                                                  UnifiedJedis redis) throws Exception {
        entered = new CountDownLatch(1);
        proceed = new CountDownLatch(1);
        database = "old";
        String name = "in-flight-" + change + "-" + instance + "-" + read;
        try (Managers managers = new Managers(server)) {
            MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class);
            if (!read.equals("invoke")) {
                configuration.setCacheLoaderFactory(FactoryBuilder.factoryOf(SlowLoader.class)).setReadThrough(true);
            }
            Cache<String, String> cache = managers.open("a").createCache(name, configuration);
            Cache<String, String> changer = instance.equals("same") ? cache
                    : managers.open("b").getCache(name, String.class, String.class);
            CompletableFuture<String> reading = CompletableFuture.supplyAsync(() -> switch (read) {
                case "get" -> cache.get("k");
                case "getAll" -> cache.getAll(Set.of("k")).get("k");
                default -> cache.invoke("k", (entry, args) -> {
                    if (!entry.exists()) {
                        entry.setValue(new SlowLoader().load(entry.getKey()));
                    }
                    return entry.getValue();
                });
            });
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            database = "new";
            if (change.equals("put")) {
                changer.put("k", "new");
            } else {
                changer.remove("k");
            }
            proceed.countDown();
            reading.get(20, TimeUnit.SECONDS);

            String stored = redis.hget("{pottery:jcache:shared:" + name + "}:entries", "k");
            assertThat(stored).as("what Redis holds after the load finished").isIn(null, "new");
            assertThat(cache.get("k")).as("a read afterwards").isEqualTo("new");
        }
    }

    static final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    static final List<String> overlaps = new CopyOnWriteArrayList<>();
    static final AtomicInteger loads = new AtomicInteger();

    /** A slow loader that notices two loads of one key at once (in any cache instance of this JVM). */
    public static final class OverlapLoader implements CacheLoader<String, String> {
        @Override
        public String load(String key) {
            int now = inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            try {
                if (now > 1) {
                    overlaps.add(key + " x" + now + " in " + Thread.currentThread().getName());
                }
                loads.incrementAndGet();
                Thread.sleep(15);
                return "v-" + key;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                inFlight.get(key).decrementAndGet();
            }
        }

        @Override
        public Map<String, String> loadAll(Iterable<? extends String> keys) {
            Map<String, String> values = new HashMap<>();
            keys.forEach(k -> values.put(k, load(k)));
            return values;
        }
    }

    /**
     * Two cache instances (two managers: as two JVMs would, they share only Redis), 4 threads each, doing every
     * kind of read that loads, on 6 keys that a ninth thread keeps removing (each removal breaks the lease of a
     * load in flight): a key is never loaded twice at once, nothing waits for a lease until it times out, every
     * read gets the loaded value.
     */
    @Test
    void loadsOfOneKeyNeverOverlapWhileRemovalsBreakTheirLeases(RedisServer server) throws Exception {
        try (Managers managers = new Managers(server)) {
            MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class)
                    .setCacheLoaderFactory(FactoryBuilder.factoryOf(OverlapLoader.class)).setReadThrough(true);
            Cache<String, String> a = managers.open("a", "pottery.lease.wait.millis", "10000")
                    .createCache("overlap", configuration);
            Cache<String, String> b = managers.open("b", "pottery.lease.wait.millis", "10000")
                    .getCache("overlap", String.class, String.class);
            List<String> wrong = new CopyOnWriteArrayList<>();
            List<Consumer<Cache<String, String>>> reads = List.of(
                    c -> check(wrong, "get", "k1", c.get("k1")),
                    c -> c.getAll(Set.of("k1", "k2", "k3")).forEach((k, v) -> check(wrong, "getAll", k, v)),
                    c -> c.getAll(Set.of("k3", "k2", "k4", "k5")).forEach((k, v) -> check(wrong, "getAll", k, v)),
                    c -> check(wrong, "invoke", "k2", c.invoke("k2", (e, x) -> e.getValue())),
                    c -> check(wrong, "invoke", "k6", c.invoke("k6", (e, x) -> e.getValue())),
                    c -> {
                        CompletionListenerFuture done = new CompletionListenerFuture();
                        c.loadAll(Set.of("k4", "k5", "k6"), false, done);
                        try {
                            done.get(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    c -> c.invokeAll(Set.of("k1", "k5"), (e, x) -> e.getValue()).forEach((k, r) ->
                            check(wrong, "invokeAll", k, (String) r.get())));
            ExecutorService pool = Executors.newFixedThreadPool(9);
            List<Future<?>> done = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            for (int t = 0; t < 8; t++) {
                Cache<String, String> cache = t % 2 == 0 ? a : b;
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    java.util.Random random = new java.util.Random(thread);
                    for (int i = 0; i < 100; i++) {
                        reads.get(random.nextInt(reads.size())).accept(cache);
                    }
                    return null;
                }));
            }
            Future<?> remover = pool.submit(() -> {
                go.await();
                java.util.Random random = new java.util.Random(99);
                while (!stop.get()) {
                    (random.nextBoolean() ? a : b).removeAll(new java.util.HashSet<>(List.of("k" + (1 + random.nextInt(6)),
                            "k" + (1 + random.nextInt(6)))));
                    Thread.sleep(5);
                }
                return null;
            });
            go.countDown();
            List<String> failures = new ArrayList<>();
            for (Future<?> f : done) {
                try {
                    f.get(300, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause().toString());
                }
            }
            stop.set(true);
            remover.get(30, TimeUnit.SECONDS);
            pool.shutdown();
                        assertThat(failures).isEmpty();
            assertThat(wrong).isEmpty();
            assertThat(overlaps).isEmpty();
        }
    }

    private static void check(List<String> wrong, String op, String key, String value) {
        if (!("v-" + key).equals(value)) {
            wrong.add(op + " " + key + " -> " + value);
        }
    }
}
