package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.jcache.configuration.NearCacheSettings;
import dev.pottery.jcache.configuration.PotteryConfiguration;
import dev.pottery.jcache.event.SubscriptionListener;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The mark that makes change scripts publish ({@code …:subscribers}) is lost — an operator's FLUSHALL, a Redis
 * restart without persistence — while a near cache in another manager keeps a value. Changes made before the
 * mark is renewed are not published; when the maintenance round renews it (every sweep interval, or every
 * third of the lease time with the sweep off) and finds it was gone, the near cache empties, so the stale value
 * is served for at most that long, not until the near cache's maximum age (60 s).
 */
@RedisServers
class NearCacheMarkLossTest {

    /** Well under the 60 s maximum age, well over the 1 s (sweep) and 3.3 s (lease / 3) renewal periods. */
    private static final int BOUND_SECONDS = 10;

    private Managers managers;

    @BeforeEach
    void open(RedisServer server) {
        managers = new Managers(server);
    }

    @AfterEach
    void close() {
        managers.close();
    }

    private static PotteryConfiguration<String, String> near() {
        PotteryConfiguration<String, String> configuration = new PotteryConfiguration<String, String>()
                .nearCache(NearCacheSettings.of(1_000));
        configuration.setTypes(String.class, String.class);
        return configuration;
    }

    private static void eventuallySees(Cache<String, String> reader, String expected) {
        await().atMost(BOUND_SECONDS, TimeUnit.SECONDS).pollInterval(20, TimeUnit.MILLISECONDS).ignoreExceptions()
                .until(() -> Objects.equals(reader.get("k"), expected));
    }

    @Test
    void aChangeRightAfterAFlushAllReachesTheNearCache(UnifiedJedis redis) {
        Cache<String, String> reader = managers.open("r-flush").createCache("flushed", near());
        Cache<String, String> writer = managers.open("w-flush").getCache("flushed");
        writer.put("k", "v1");
        eventuallySees(reader, "v1");
        assertThat(reader.get("k")).isEqualTo("v1");   // kept

        redis.flushAll();
        writer.put("k", "v2");   // not published: nobody is marked as listening now
        eventuallySees(reader, "v2");
    }

    @Test
    void withTheSweepOffTheMarkIsStillRenewed(UnifiedJedis redis) {
        Cache<String, String> reader = managers.open("r-nosweep", ManagerSettings.SWEEP_INTERVAL, "0")
                .createCache("nosweep", near());
        Cache<String, String> writer = managers.open("w-nosweep", ManagerSettings.SWEEP_INTERVAL, "0")
                .getCache("nosweep");
        writer.put("k", "v1");
        eventuallySees(reader, "v1");
        redis.flushAll();
        writer.put("k", "v2");
        eventuallySees(reader, "v2");
        await().atMost(BOUND_SECONDS, TimeUnit.SECONDS)
                .until(() -> redis.exists("{pottery:jcache:shared:nosweep}:subscribers"));
        writer.put("k", "v3");   // published again
        eventuallySees(reader, "v3");
    }

    @Test
    void aChangeRightAfterARestartReachesTheNearCache(RedisServer server) {
        CacheManager readerManager = managers.open("r-restart");
        AtomicInteger subscribed = new AtomicInteger();
        ((PotteryCacheManager) readerManager).subscriber().addListener(new SubscriptionListener() {
            @Override
            public void onSubscribed() {
                subscribed.incrementAndGet();
            }

            @Override
            public void onConnectionLost(Throwable cause) {
            }
        });
        Cache<String, String> reader = readerManager.createCache("restarted", near());
        Cache<String, String> writer = managers.open("w-restart").getCache("restarted");
        await().atMost(10, TimeUnit.SECONDS).until(() -> subscribed.get() >= 1);

        server.kill();
        server.restart();
        await().atMost(20, TimeUnit.SECONDS).until(() -> subscribed.get() >= 2);
        await().atMost(20, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
            writer.put("k", "v1");   // the writer's pool may first hand out a connection the restart broke
            return true;
        });
        eventuallySees(reader, "v1");
        writer.put("k", "v2");
        eventuallySees(reader, "v2");
    }
}
