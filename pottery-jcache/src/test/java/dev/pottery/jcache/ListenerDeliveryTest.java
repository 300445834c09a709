package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

@RedisServers
class ListenerDeliveryTest {

    private Managers managers;

    @BeforeEach
    void open(RedisDeployment server) {
        managers = new Managers(server);
    }

    @AfterEach
    void close() {
        managers.close();
    }

    @Test
    void aListenerOnAnotherManagerReceivesEachChangeExactlyOnce() {
        CacheManager writerSide = managers.open("writer");
        CacheManager listenerSide = managers.open("listener");
        MutableConfiguration<String, String> configuration =
                new MutableConfiguration<String, String>().setTypes(String.class, String.class);
        Cache<String, String> written = writerSide.createCache("watched", configuration);
        Cache<String, String> watched = listenerSide.getCache("watched", String.class, String.class);
        Recorder remote = new Recorder();
        Recorder local = new Recorder();
        watched.registerCacheEntryListener(registration(remote));
        written.registerCacheEntryListener(registration(local));

        written.put("k", "1");
        written.put("k", "2");
        written.remove("k");

        List<String> expected = List.of("CREATED k=1", "UPDATED k=2 (was 1)", "REMOVED k=2 (was 2)");
        await().atMost(5, TimeUnit.SECONDS).until(() -> remote.seen.size() >= expected.size());
        assertThat(local.seen).containsExactlyElementsOf(expected);
        // Wait a moment for any duplicate the pub/sub path might wrongly add, then check there is none.
        written.put("marker", "m");
        await().atMost(5, TimeUnit.SECONDS).until(() -> remote.seen.contains("CREATED marker=m"));
        assertThat(remote.seen).containsExactly("CREATED k=1", "UPDATED k=2 (was 1)", "REMOVED k=2 (was 2)",
                "CREATED marker=m");
        assertThat(local.seen).containsExactly("CREATED k=1", "UPDATED k=2 (was 1)", "REMOVED k=2 (was 2)",
                "CREATED marker=m");
    }

    @Test
    void anEntryExpiringInRedisIsReportedToListenersOnceAcrossManagers() {
        CacheManager first = managers.open("first", "pottery.sweep.interval.millis", "50");
        CacheManager second = managers.open("second", "pottery.sweep.interval.millis", "50");
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 100)));
        Cache<String, String> one = first.createCache("expiring", configuration);
        Cache<String, String> two = second.createCache("expiring", configuration);
        Recorder onOne = new Recorder();
        Recorder onTwo = new Recorder();
        one.registerCacheEntryListener(registration(onOne));
        two.registerCacheEntryListener(registration(onTwo));

        one.put("k", "v");

        await().atMost(5, TimeUnit.SECONDS).until(() -> onOne.seen.contains("EXPIRED k=v (was v)")
                && onTwo.seen.contains("EXPIRED k=v (was v)"));
        two.put("marker", "m");
        await().atMost(5, TimeUnit.SECONDS).until(() -> onOne.seen.contains("CREATED marker=m"));
        // The marker only orders delivery (it expires too, soon after); k's expiry was reported exactly once.
        assertThat(List.copyOf(onOne.seen)).filteredOn(event -> event.contains(" k="))
                .containsExactly("CREATED k=v", "EXPIRED k=v (was v)");
        assertThat(List.copyOf(onTwo.seen)).filteredOn(event -> event.contains(" k="))
                .containsExactly("CREATED k=v", "EXPIRED k=v (was v)");
    }

    @Test
    void aListenersMarkInRedisIsRenewedAfterItWasLost(UnifiedJedis redis) {
        CacheManager writerSide = managers.open("writer");
        CacheManager listenerSide = managers.open("listener", "pottery.sweep.interval.millis", "50");
        MutableConfiguration<String, String> configuration =
                new MutableConfiguration<String, String>().setTypes(String.class, String.class);
        Cache<String, String> written = writerSide.createCache("watched", configuration);
        Recorder remote = new Recorder();
        listenerSide.getCache("watched", String.class, String.class).registerCacheEntryListener(registration(remote));
        String subscribers = "{pottery:jcache:shared:watched}:subscribers";
        assertThat(redis.exists(subscribers)).isTrue();

        redis.del(subscribers);   // as after a restart of a Redis without persistence

        await().atMost(5, TimeUnit.SECONDS).until(() -> redis.exists(subscribers));
        written.put("k", "after");
        await().atMost(5, TimeUnit.SECONDS).until(() -> remote.seen.contains("CREATED k=after"));
    }

    private static MutableCacheEntryListenerConfiguration<String, String> registration(Recorder recorder) {
        return new MutableCacheEntryListenerConfiguration<>(FactoryBuilder.factoryOf(recorder), null, true, true);
    }

    /** Records every event it receives, in order. */
    static final class Recorder implements CacheEntryCreatedListener<String, String>,
            CacheEntryUpdatedListener<String, String>, CacheEntryRemovedListener<String, String>,
            CacheEntryExpiredListener<String, String>, Serializable {

        private static final long serialVersionUID = 1L;

        final transient List<String> seen = new CopyOnWriteArrayList<>();

        private void record(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            for (CacheEntryEvent<? extends String, ? extends String> event : events) {
                seen.add(event.getEventType() + " " + event.getKey() + "=" + event.getValue()
                        + (event.isOldValueAvailable() ? " (was " + event.getOldValue() + ")" : ""));
            }
        }

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        @Override
        public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        @Override
        public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }
    }
}
