package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.testing.RedisSentinelGroup;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * A cache on Sentinel (master, replica, three sentinels) through a sentinel-backed client, while the
 * master is killed: puts fail only in the failover window, then the cache answers again on the promoted
 * replica, with the entries written before the window that the replica had received.
 */
class SentinelFailoverTest {

    @Test
    void aCacheKeepsAnsweringAfterTheMasterIsKilled() throws Exception {
        try (RedisSentinelGroup sentinel = RedisSentinelGroup.start()) {
            Properties properties = new Properties();
            properties.put(ManagerSettings.CLIENT, sentinel.client());
            CacheManager manager = Caching.getCachingProvider()
                    .getCacheManager(URI.create("pottery:failover"), getClass().getClassLoader(), properties);
            Cache<String, Long> cache = manager.createCache("counts",
                    new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));
            cache.put("before", 1L);
            try (RedisClient replica = sentinel.replica().newClient()) {
                await().atMost(5, TimeUnit.SECONDS)
                        .until(() -> replica.hlen("{pottery:jcache:pottery:failover:counts}:entries") == 1);
            }

            AtomicLong acknowledged = new AtomicLong();
            AtomicReference<String> lastAcknowledged = new AtomicReference<>();
            AtomicLong errors = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            writer.submit(() -> {
                for (long i = 0; running.get(); i++) {
                    try {
                        cache.put("write-" + i, i);
                        lastAcknowledged.set("write-" + i);
                        acknowledged.incrementAndGet();
                    } catch (RuntimeException e) {
                        errors.incrementAndGet(); // CacheException while the master is unreachable
                        Thread.sleep(20);
                    }
                }
                return null;
            });
            try {
                await().atMost(10, TimeUnit.SECONDS).until(() -> acknowledged.get() >= 50);
                sentinel.master().kill();
                sentinel.awaitFailover(Duration.ofSeconds(30));
                long atFailover = acknowledged.get();
                await().atMost(30, TimeUnit.SECONDS).until(() -> acknowledged.get() >= atFailover + 50);

                long errorsAfterWindow = errors.get();
                long soFar = acknowledged.get();
                await().atMost(30, TimeUnit.SECONDS).until(() -> acknowledged.get() >= soFar + 50);
                assertThat(errors.get()).as("errors once the failover is over").isEqualTo(errorsAfterWindow);
            } finally {
                running.set(false);
                writer.shutdown();
                assertThat(writer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(cache.get("before")).as("replicated before the kill").isEqualTo(1L);
            assertThat(cache.get(lastAcknowledged.get())).isNotNull();
            System.out.printf("jcache failover window: %d errors, %d puts acknowledged%n", errors.get(),
                    acknowledged.get());
            manager.close();
        }
    }
}
