package dev.pottery.jcache;

import dev.pottery.jcache.configuration.ManagerSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.processor.EntryProcessor;
import redis.clients.jedis.RedisClient;

/**
 * The concurrent workload of {@link ExactlyOnceTest}, run by threads of the test's JVM and, as {@link #main},
 * by a second JVM: on a write-through cache, racing putIfAbsent, replace(key, read, new) and invoke increments
 * of one counter; on a read-through cache, reads of keys the database holds. Each thread counts the changes
 * that took effect (true returns, every invoke) and the processor runs.
 */
public final class ExactlyOnceWorkload {

    /** Keys of the write-through cache's races. */
    static final int KEYS = 12;
    /** The key all invoke increments go to. */
    static final String COUNTER = "counter";

    final AtomicLong changes = new AtomicLong();
    final AtomicLong invokes = new AtomicLong();
    final AtomicLong processorRuns = new AtomicLong();

    /** Runs {@code threads} threads of {@code rounds} rounds each; {@code tag} makes this JVM's values unique. */
    void run(Cache<String, String> orders, Cache<String, String> catalog, int threads, int rounds, String tag)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                Random random = new Random(thread * 31L + tag.hashCode());
                for (int round = 0; round < rounds; round++) {
                    String key = "k" + random.nextInt(KEYS);
                    String value = tag + "-" + thread + "-" + round;
                    switch (random.nextInt(4)) {
                        case 0 -> changes.addAndGet(orders.putIfAbsent(key, value) ? 1 : 0);
                        case 1 -> {
                            String current = orders.get(key);
                            if (current != null && orders.replace(key, current, value)) {
                                changes.incrementAndGet();
                            }
                        }
                        case 2 -> {
                            orders.invoke(COUNTER, increment(processorRuns));
                            invokes.incrementAndGet();
                            changes.incrementAndGet();
                        }
                        default -> {
                            if (random.nextBoolean()) {
                                catalog.get("item" + random.nextInt(KEYS));
                            } else {
                                catalog.invoke("computed" + random.nextInt(KEYS), SYNC_LOAD);
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
    }

    /**
     * What Spring's {@code @Cacheable(sync = true)} sends: return the value if present, else compute it (here:
     * count the computation in the shared database) and store it.
     */
    static final EntryProcessor<String, String, String> SYNC_LOAD = (entry, arguments) -> {
        if (entry.exists()) {
            return entry.getValue();
        }
        String value = SharedDatabase.computeOnce(entry.getKey());
        entry.setValue(value);
        return value;
    };

    /** An increment of a decimal counter (absent = 0); counts its runs. */
    static EntryProcessor<String, String, Long> increment(AtomicLong runs) {
        return (entry, arguments) -> {
            runs.incrementAndGet();
            long next = entry.exists() ? Long.parseLong(entry.getValue()) + 1 : 1;
            entry.setValue(Long.toString(next));
            return next;
        };
    }

    /** Arguments: Redis URL, namespace, threads, rounds. Prints "changes N invokes N runs N". */
    public static void main(String[] args) throws Exception {
        System.setProperty(SharedDatabase.URL, args[0]);
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.URL, args[0]);
        properties.setProperty(ManagerSettings.NAMESPACE, args[1]);
        CacheManager manager = Caching.getCachingProvider()
                .getCacheManager(URI.create("pottery:second-jvm"), ExactlyOnceWorkload.class.getClassLoader(), properties);
        Cache<String, String> orders = manager.getCache("orders");
        Cache<String, String> catalog = manager.getCache("catalog");
        // Both JVMs start together: this one says it is ready, then waits for the test's go.
        System.out.println("ready");
        System.out.flush();
        try (RedisClient signal = RedisClient.create(URI.create(args[0]))) {
            signal.blpop(60, "test:go");
        }
        ExactlyOnceWorkload workload = new ExactlyOnceWorkload();
        workload.run(orders, catalog, Integer.parseInt(args[2]), Integer.parseInt(args[3]), "jvm2");
        System.out.println("changes " + workload.changes + " invokes " + workload.invokes + " runs "
                + workload.processorRuns);
        manager.close();
    }
}
