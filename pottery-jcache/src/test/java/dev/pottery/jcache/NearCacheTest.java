package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pottery.jcache.configuration.NearCacheSettings;
import dev.pottery.jcache.configuration.PotteryConfiguration;
import dev.pottery.jcache.management.PotteryCacheStatistics;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * The near cache answers repeated reads in the JVM, and never serves a value older than the last change it
 * heard of: its own writes at once, other instances' through the cache's channel, a clear as a whole, and a
 * lost subscription by emptying and not serving until it is back.
 */
@RedisServers
class NearCacheTest {

    private Managers managers;
    private CountingJedis counted;

    @BeforeEach
    void open(RedisServer server) {
        managers = new Managers(server);
        counted = CountingJedis.connect(server);
    }

    @AfterEach
    void close() {
        managers.close();
        counted.close();
    }

    private static <V> PotteryConfiguration<String, V> near(Class<V> valueType) {
        PotteryConfiguration<String, V> configuration = new PotteryConfiguration<String, V>()
                .nearCache(NearCacheSettings.of(1_000));
        configuration.setTypes(String.class, valueType).setStatisticsEnabled(true);
        return configuration;
    }

    @Test
    void aKeptEntryIsReadAgainWithoutARoundTripAndCountsAsAHit() {
        Cache<String, String> cache = managers.openWith("counted", counted).createCache("kept", near(String.class));
        cache.put("ada", "lovelace");

        assertThat(counted.roundTripsOf(() -> assertThat(cache.get("ada")).isEqualTo("lovelace"))).isEqualTo(1);
        assertThat(counted.roundTripsOf(() -> {
            for (int i = 0; i < 100; i++) {
                assertThat(cache.get("ada")).isEqualTo("lovelace");
                assertThat(cache.containsKey("ada")).isTrue();
            }
            assertThat(cache.getAll(Set.of("ada"))).isEqualTo(Map.of("ada", "lovelace"));
        })).isZero();

        PotteryCacheStatistics statistics = cache.unwrap(PotteryCacheStatistics.class);
        assertThat(statistics.getNearCacheHits()).isGreaterThanOrEqualTo(201);
        assertThat(statistics.getCacheHits()).isEqualTo(102);
    }

    @Test
    void thisJvmsWritesAreSeenAtOnce() {
        Cache<String, String> cache = managers.open("own").createCache("own", near(String.class));
        for (int i = 0; i < 200; i++) {
            cache.put("k", "v" + i);
            assertThat(cache.get("k")).isEqualTo("v" + i);
            assertThat(cache.get("k")).isEqualTo("v" + i);
        }
        cache.remove("k");
        assertThat(cache.get("k")).isNull();
        cache.put("k", "back");
        assertThat(cache.get("k")).isEqualTo("back");
        cache.invoke("k", (entry, args) -> {
            entry.setValue("invoked");
            return null;
        });
        assertThat(cache.get("k")).isEqualTo("invoked");
        cache.putAll(Map.of("k", "batch"));
        assertThat(cache.get("k")).isEqualTo("batch");
        cache.clear();
        assertThat(cache.get("k")).isNull();
    }

    @Test
    void anotherInstancesChangesAndClearInvalidateWhatIsKept() {
        Cache<String, String> reader = managers.open("reader").createCache("shared-near", near(String.class));
        Cache<String, String> writer = managers.open("writer").getCache("shared-near");
        writer.put("k", "v1");
        assertThat(reader.get("k")).isEqualTo("v1");

        writer.put("k", "v2");
        await().atMost(5, TimeUnit.SECONDS).until(() -> "v2".equals(reader.get("k")));
        writer.remove("k");
        await().atMost(5, TimeUnit.SECONDS).until(() -> reader.get("k") == null);

        writer.put("a", "1");
        assertThat(reader.get("a")).isEqualTo("1");
        writer.clear();
        await().atMost(5, TimeUnit.SECONDS).until(() -> reader.get("a") == null);
        assertThat(reader.unwrap(PotteryCacheStatistics.class).getNearCacheInvalidations()).isPositive();
    }

    @Test
    void aLostSubscriptionEmptiesTheNearCacheAndStopsItUntilItIsBack(UnifiedJedis redis) {
        PotteryCacheManager readerManager = (PotteryCacheManager) managers.open("lost-reader");
        Cache<String, String> reader = readerManager.createCache("lost", near(String.class));
        Cache<String, String> writer = managers.open("lost-writer").getCache("lost");
        java.util.concurrent.atomic.AtomicInteger subscribed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger lost = new java.util.concurrent.atomic.AtomicInteger();
        readerManager.subscriber().addListener(new dev.pottery.jcache.event.SubscriptionListener() {
            @Override
            public void onSubscribed() {
                subscribed.incrementAndGet();
            }

            @Override
            public void onConnectionLost(Throwable cause) {
                lost.incrementAndGet();
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> subscribed.get() == 1);
        writer.put("k", "before");
        assertThat(reader.get("k")).isEqualTo("before");
        assertThat(reader.get("k")).isEqualTo("before");   // kept

        // Cut the reader's subscription and change the entry at once: the reader cannot hear of it.
        redis.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "pubsub");
        writer.put("k", "while-away");
        await().atMost(10, TimeUnit.SECONDS).until(() -> lost.get() >= 1);
        await().atMost(20, TimeUnit.SECONDS).until(() -> subscribed.get() >= 2);

        assertThat(reader.get("k")).isEqualTo("while-away");
    }

    @Test
    void aKeptEntryLivesNoLongerThanInRedis() throws InterruptedException {
        PotteryConfiguration<String, String> configuration = near(String.class);
        configuration.setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 300)));
        Cache<String, String> cache = managers.open("expiring").createCache("expiring-near", configuration);
        cache.put("k", "v");
        assertThat(cache.get("k")).isEqualTo("v");
        Thread.sleep(400);
        assertThat(cache.get("k")).isNull();
    }

    @Test
    void aCacheWhoseReadsExtendEntriesHasNoNearCache() {
        PotteryConfiguration<String, String> configuration = near(String.class);
        configuration.setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(Duration.ONE_HOUR));
        Cache<String, String> cache = managers.openWith("accessed", counted).createCache("accessed", configuration);
        cache.put("k", "v");
        assertThat(counted.roundTripsOf(() -> {
            cache.get("k");
            cache.get("k");
        })).isEqualTo(2);
    }

    @Test
    void aMutableValueIsACopyOnEveryRead() {
        Cache<String, ArrayList> cache = managers.open("copies").createCache("copies", near(ArrayList.class));
        cache.put("list", new ArrayList<>(List.of("a")));
        ArrayList<String> first = cache.get("list");
        first.add("changed by a caller");
        assertThat(cache.get("list")).containsExactly("a");
        assertThat(cache.get("list")).isNotSameAs(cache.get("list"));
    }

    @Test
    void aManagerPropertyGivesEveryCacheANearCacheUnlessItSaysOtherwise() {
        CacheManager manager = managers.open("default-near", NearCacheSettings.PROPERTY, "true");
        Cache<String, String> withNear = manager.createCache("default-on",
                new javax.cache.configuration.MutableConfiguration<String, String>().setTypes(String.class, String.class));
        PotteryConfiguration<String, String> off = new PotteryConfiguration<String, String>().nearCache(null);
        off.setTypes(String.class, String.class);
        Cache<String, String> without = manager.createCache("default-off", off);
        withNear.put("k", "v");
        without.put("k", "v");
        withNear.get("k");
        withNear.get("k");
        without.get("k");
        without.get("k");
        assertThat(withNear.unwrap(PotteryCacheStatistics.class).getNearCacheHits()).isEqualTo(1);
        assertThat(without.unwrap(PotteryCacheStatistics.class).getNearCacheHits()).isZero();
    }
}
