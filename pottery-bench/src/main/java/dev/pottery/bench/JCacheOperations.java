package dev.pottery.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/** JCache operations on a pottery-jcache cache, each paired with raw Jedis doing the same work. */
final class JCacheOperations {

    private static final String PROVIDER = "dev.pottery.jcache.spi.PotteryCachingProvider";

    private JCacheOperations() {
    }

    static List<OperationSpec> list() {
        return List.of(
                new OperationSpec("JCache get", FloorOperations.GET, 1, c -> {
                    Cache<String, String> cache = filledCache(c, "get");
                    return () -> cache.get(Workload.randomKey());
                }),
                new OperationSpec("JCache put", FloorOperations.SET, 1, c -> {
                    Cache<String, String> cache = cache(c, "put");
                    return () -> {
                        cache.put(Workload.randomKey(), Workload.value());
                        return cache;
                    };
                }),
                new OperationSpec("JCache getAll x100", FloorOperations.MGET_100, 1, c -> {
                    Cache<String, String> cache = filledCache(c, "getall");
                    return () -> cache.getAll(randomKeySet());
                }),
                new OperationSpec("JCache putAll x100", FloorOperations.PIPELINED_SET_100, 1, c -> {
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
                new OperationSpec("JCache invoke (read-modify-write)", FloorOperations.GET_SET, 1, c -> {
                    Cache<String, String> cache = filledCache(c, "invoke");
                    return () -> cache.invoke(Workload.randomKey(), (entry, args) -> {
                        entry.setValue(Workload.value());
                        return null;
                    });
                }));
    }

    private static Set<String> randomKeySet() {
        Set<String> keys = new HashSet<>();
        while (keys.size() < Workload.BATCH) {
            keys.add(Workload.randomKey());
        }
        return keys;
    }

    private static Cache<String, String> cache(BenchContext context, String name) {
        CacheManager manager = Caching.getCachingProvider(PROVIDER).getCacheManager(context.url(),
                JCacheOperations.class.getClassLoader());
        Cache<String, String> existing = manager.getCache("bench-" + name, String.class, String.class);
        if (existing != null) {
            existing.clear();
            return existing;
        }
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
}
