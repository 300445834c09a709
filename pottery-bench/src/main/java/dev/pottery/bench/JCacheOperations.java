package dev.pottery.bench;

import dev.pottery.jcache.configuration.NearCacheSettings;
import dev.pottery.jcache.configuration.PotteryConfiguration;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheWriter;
import javax.cache.processor.EntryProcessor;

/**
 * JCache operations on pottery-jcache caches, each paired with raw Jedis doing the same Redis work
 * ({@link JCacheFloors}). Every cache is what a user gets by default — a {@code MutableConfiguration} with
 * {@code setTypes} and no codec named — except the near-cache row, whose cache turns its near cache on (it is
 * opt-in).
 */
final class JCacheOperations {

    private static final String PROVIDER = "dev.pottery.jcache.spi.PotteryCachingProvider";

    /** The increment every invoke row runs: absent counts as 0. */
    private static final EntryProcessor<String, Long, Long> INCREMENT = (entry, arguments) -> {
        long next = entry.exists() ? entry.getValue() + 1 : 1;
        entry.setValue(next);
        return next;
    };

    private JCacheOperations() {
    }

    static List<OperationSpec> list() {
        return List.of(
                new OperationSpec("JCache get", JCacheFloors.HGET, 1, c -> {
                    Cache<String, String> cache = filledCache(c, "get");
                    return () -> cache.get(Workload.randomKey());
                }),
                new OperationSpec("JCache get, near cache, 100 hot keys", JCacheFloors.HGET, 1, c -> {
                    Cache<String, String> cache = nearCache(c, "near");
                    return () -> cache.get(Workload.key(java.util.concurrent.ThreadLocalRandom.current().nextInt(100)));
                }),
                new OperationSpec("JCache containsKey", JCacheFloors.HEXISTS, 1, c -> {
                    Cache<String, String> cache = filledCache(c, "contains");
                    return () -> cache.containsKey(Workload.randomKey());
                }),
                new OperationSpec("JCache put", JCacheFloors.HSET, 1, c -> {
                    Cache<String, String> cache = cache(c, "put");
                    return () -> {
                        cache.put(Workload.randomKey(), Workload.value());
                        return cache;
                    };
                }),
                new OperationSpec("JCache remove", JCacheFloors.HDEL, 1, c -> {
                    Cache<String, String> cache = filledCache(c, "remove");
                    return () -> cache.remove(Workload.randomKey());
                }),
                new OperationSpec("JCache getAll x100", JCacheFloors.PIPELINED_HGET_100, 1, c -> {
                    Cache<String, String> cache = filledCache(c, "getall");
                    return () -> cache.getAll(randomKeySet());
                }),
                new OperationSpec("JCache putAll x100", JCacheFloors.PIPELINED_HSET_100, 1, c -> {
                    Cache<String, String> cache = cache(c, "putall");
                    return () -> {
                        Map<String, String> batch = new HashMap<>();
                        for (String key : randomKeySet()) {
                            batch.put(key, Workload.value());
                        }
                        cache.putAll(batch);
                        return cache;
                    };
                }),
                new OperationSpec("JCache removeAll x100", JCacheFloors.PIPELINED_HDEL_100, 1, c -> {
                    Cache<String, String> cache = filledCache(c, "removeall");
                    return () -> {
                        cache.removeAll(randomKeySet());
                        return cache;
                    };
                }),
                new OperationSpec("JCache invoke (increment)", JCacheFloors.HINCRBY, 1, c -> {
                    Cache<String, Long> cache = counters(c, "invoke", false);
                    return () -> cache.invoke(Workload.randomKey(), INCREMENT);
                }),
                new OperationSpec("JCache invoke with writer (increment)", JCacheFloors.HINCRBY, 1, c -> {
                    Cache<String, Long> cache = counters(c, "invoke-writer", true);
                    return () -> cache.invoke(Workload.randomKey(), INCREMENT);
                }));
    }

    static Set<String> randomKeySet() {
        Set<String> keys = new LinkedHashSet<>();
        while (keys.size() < Workload.BATCH) {
            keys.add(Workload.randomKey());
        }
        return keys;
    }

    private static CacheManager manager(BenchContext context) {
        return Caching.getCachingProvider(PROVIDER).getCacheManager(context.url(),
                JCacheOperations.class.getClassLoader());
    }

    private static Cache<String, String> cache(BenchContext context, String name) {
        CacheManager manager = manager(context);
        manager.destroyCache("bench-" + name);
        return manager.createCache("bench-" + name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class));
    }

    private static Cache<String, String> filledCache(BenchContext context, String name) {
        Cache<String, String> cache = cache(context, name);
        Map<String, String> all = new HashMap<>();
        for (int i = 0; i < Workload.KEYS; i++) {
            all.put(Workload.key(i), Workload.value());
        }
        cache.putAll(all);
        return cache;
    }

    /** A filled cache with a near cache: not the default configuration (the near cache is opt-in). */
    private static Cache<String, String> nearCache(BenchContext context, String name) {
        CacheManager manager = manager(context);
        manager.destroyCache("bench-" + name);
        PotteryConfiguration<String, String> configuration = new PotteryConfiguration<String, String>()
                .nearCache(NearCacheSettings.of(10_000));
        configuration.setTypes(String.class, String.class);
        Cache<String, String> cache = manager.createCache("bench-" + name, configuration);
        Map<String, String> all = new HashMap<>();
        for (int i = 0; i < Workload.KEYS; i++) {
            all.put(Workload.key(i), Workload.value());
        }
        cache.putAll(all);
        return cache;
    }

    private static Cache<String, Long> counters(BenchContext context, String name, boolean writeThrough) {
        CacheManager manager = manager(context);
        manager.destroyCache("bench-" + name);
        MutableConfiguration<String, Long> configuration = new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class);
        if (writeThrough) {
            configuration.setCacheWriterFactory(FactoryBuilder.factoryOf(NoWrites.class)).setWriteThrough(true);
        }
        Cache<String, Long> cache = manager.createCache("bench-" + name, configuration);
        Map<String, Long> zeros = new HashMap<>();
        for (int i = 0; i < Workload.KEYS; i++) {
            zeros.put(Workload.key(i), 0L);
        }
        cache.putAll(zeros);   // every invoke increments an existing counter, as HINCRBY does
        return cache;
    }

    /** A system of record that takes every write at once (so the row measures the cache's own cost). */
    public static final class NoWrites implements CacheWriter<String, Long>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public void write(Cache.Entry<? extends String, ? extends Long> entry) {
        }

        @Override
        public void writeAll(Collection<Cache.Entry<? extends String, ? extends Long>> entries) {
            entries.clear();
        }

        @Override
        public void delete(Object key) {
        }

        @Override
        public void deleteAll(Collection<?> keys) {
            keys.clear();
        }
    }
}
