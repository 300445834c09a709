package dev.pottery.jcache;

import dev.pottery.jcache.configuration.ManagerSettings;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import redis.clients.jedis.RedisClient;

/**
 * The second JVM of {@link NearCacheStalenessTest}: reads one entry through its near cache every 0.1 ms and
 * records, per value, the last time it served it ({@code test:served-until}) and the first time it saw the
 * next one ({@code test:seen}), in µs since the epoch.
 */
public final class NearCacheWatcher {

    private NearCacheWatcher() {
    }

    /** Arguments: Redis URL, namespace, cache name, key. Runs until the entry holds "stop". */
    public static void main(String[] args) {
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.URL, args[0]);
        properties.setProperty(ManagerSettings.NAMESPACE, args[1]);
        CacheManager manager = Caching.getCachingProvider()
                .getCacheManager(URI.create("pottery:watcher"), NearCacheWatcher.class.getClassLoader(), properties);
        Cache<String, String> cache = manager.getCache(args[2]);
        try (RedisClient record = RedisClient.create(URI.create(args[0]))) {
            for (int i = 0; i < 20_000; i++) {
                cache.get(args[3]);   // warm up: JIT, connections
            }
            System.out.println("ready");
            System.out.flush();
            String last = cache.get(args[3]);
            long lastServed = now();
            while (true) {
                String value = cache.get(args[3]);
                long at = now();
                if (value != null && !value.equals(last)) {
                    record.hset("test:served-until", last, Long.toString(lastServed));
                    record.hset("test:seen", value, Long.toString(at));
                    if (value.equals("stop")) {
                        break;
                    }
                    last = value;
                }
                lastServed = at;
                LockSupport.parkNanos(100_000);
            }
        }
        manager.close();
    }

    private static long now() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
