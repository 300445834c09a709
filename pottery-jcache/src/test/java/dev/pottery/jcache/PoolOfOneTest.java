package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.jcache.configuration.RedisTopology;
import dev.pottery.jcache.event.SubscriptionListener;
import dev.pottery.testing.RedisClusterGroup;
import dev.pottery.testing.RedisSentinelGroup;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListenerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code pottery.pool.size=1} every feature works, listeners included: the event subscription holds a
 * connection of its own, not the pool's one. When the server goes away the subscription tells its listeners,
 * reconnects and re-subscribes, and events flow again.
 */
@RedisServers(persistent = true)
class PoolOfOneTest {

    private static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();
    private Managers managers;

    @BeforeEach
    void open(RedisServer server) {
        managers = new Managers(server);
        SEEN.clear();
    }

    @AfterEach
    void close() {
        managers.close();
    }

    @Test
    void aCacheCreatedWithAListenerAndOneRegisteredLaterWorkWithAPoolOfOne() {
        CacheManager listening = managers.open("one-a", ManagerSettings.POOL_SIZE, "1");
        CacheManager writing = managers.open("one-b", ManagerSettings.POOL_SIZE, "1");
        Cache<String, String> cache = listening.createCache("pool1", configuration("first"));
        Cache<String, String> other = writing.getCache("pool1");

        other.put("from-b", "1");
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen("first").contains("from-b"));

        cache.registerCacheEntryListener(listener("later"));
        other.put("again", "2");
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen("later").contains("again"));

        // Every other operation still has the pool's one connection.
        cache.putAll(Map.of("x", "1", "y", "2"));
        assertThat(cache.getAll(Set.of("x", "y"))).containsEntry("x", "1").containsEntry("y", "2");
        String invoked = cache.invoke("x", (entry, args) -> entry.getValue() + "!");
        assertThat(invoked).isEqualTo("1!");
        int count = 0;
        for (Cache.Entry<String, String> ignored : cache) {
            count++;
        }
        assertThat(count).isEqualTo(4);
        assertThat(cache.getAndPut("x", "3")).isEqualTo("1");
        assertThat(cache.remove("y")).isTrue();
        cache.clear();
        assertThat(other.containsKey("x")).isFalse();
    }

    @Test
    void afterTheServerIsKilledAndRestartedTheSubscriptionComesBackAndEventsFlow(RedisServer server) {
        CacheManager listening = managers.open("re-a", ManagerSettings.POOL_SIZE, "1", ManagerSettings.TIMEOUT, "500");
        CacheManager writing = managers.open("re-b", ManagerSettings.POOL_SIZE, "1", ManagerSettings.TIMEOUT, "500");
        listening.createCache("restart", configuration("restart"));
        Cache<String, String> other = writing.getCache("restart");
        RecordingListener state = new RecordingListener();
        ((PotteryCacheManager) listening).subscriber().addListener(state);
        assertThat(state.subscribed.get()).isEqualTo(1);

        other.put("before", "1");
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen("restart").contains("before"));

        server.kill();
        await().atMost(10, TimeUnit.SECONDS).until(() -> state.lost.get() == 1);
        assertThat(((PotteryCacheManager) listening).subscriber().isSubscribed()).isFalse();
        server.restart();
        await().atMost(20, TimeUnit.SECONDS).until(() -> state.subscribed.get() == 2);

        await().atMost(20, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
            other.put("after", "2");   // the writer's pool may first hand out a connection to the dead server
            return true;
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen("restart").contains("after"));
        assertThat(state.order).startsWith("subscribed", "lost", "subscribed");
    }

    @Test
    void aClusterStillDeliversEventsWithAPoolOfOne() {
        try (RedisClusterGroup cluster = RedisClusterGroup.start(3)) {
            Properties properties = new Properties();
            properties.setProperty(RedisTopology.CLUSTER_NODES, cluster.addresses().stream()
                    .map(Object::toString).collect(Collectors.joining(",")));
            properties.setProperty(ManagerSettings.POOL_SIZE, "1");
            properties.setProperty(ManagerSettings.NAMESPACE, "cluster-pool");
            assertEventsFlow(properties, "cluster");
        }
    }

    @Test
    void aSentinelDeploymentStillDeliversEventsWithAPoolOfOne() {
        try (RedisSentinelGroup sentinel = RedisSentinelGroup.start()) {
            Properties properties = new Properties();
            properties.setProperty(RedisTopology.SENTINEL_NODES, sentinel.sentinelAddresses().stream()
                    .map(Object::toString).collect(Collectors.joining(",")));
            properties.setProperty(RedisTopology.SENTINEL_MASTER, RedisSentinelGroup.MASTER_NAME);
            properties.setProperty(ManagerSettings.POOL_SIZE, "1");
            properties.setProperty(ManagerSettings.NAMESPACE, "sentinel-pool");
            assertEventsFlow(properties, "sentinel");
        }
    }

    private void assertEventsFlow(Properties properties, String tag) {
        CacheManager listening = Caching.getCachingProvider().getCacheManager(URI.create("pottery:" + tag + "-a"),
                getClass().getClassLoader(), properties);
        CacheManager writing = Caching.getCachingProvider().getCacheManager(URI.create("pottery:" + tag + "-b"),
                getClass().getClassLoader(), properties);
        try {
            listening.createCache("events", configuration(tag));
            Cache<String, String> other = writing.getCache("events");
            other.put("remote", "1");
            await().atMost(10, TimeUnit.SECONDS).until(() -> seen(tag).contains("remote"));
            assertThat(other.get("remote")).isEqualTo("1");
        } finally {
            listening.close();
            writing.close();
        }
    }

    private static List<String> seen(String tag) {
        return SEEN.getOrDefault(tag, List.of());
    }

    private static MutableConfiguration<String, String> configuration(String tag) {
        return new MutableConfiguration<String, String>().setTypes(String.class, String.class)
                .addCacheEntryListenerConfiguration(listener(tag));
    }

    private static MutableCacheEntryListenerConfiguration<String, String> listener(String tag) {
        return new MutableCacheEntryListenerConfiguration<>(FactoryBuilder.factoryOf(new Created(tag)), null, false, true);
    }

    /** Records the keys of created entries under its tag. */
    static final class Created implements CacheEntryCreatedListener<String, String>, Serializable {
        private static final long serialVersionUID = 1L;
        private final String tag;

        Created(String tag) {
            this.tag = tag;
        }

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events)
                throws CacheEntryListenerException {
            for (CacheEntryEvent<? extends String, ? extends String> event : events) {
                SEEN.computeIfAbsent(tag, t -> new CopyOnWriteArrayList<>()).add(event.getKey());
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Created created && created.tag.equals(tag);
        }

        @Override
        public int hashCode() {
            return tag.hashCode();
        }
    }

    /** Counts what the subscriber tells. */
    static final class RecordingListener implements SubscriptionListener {
        final AtomicInteger subscribed = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();
        final List<String> order = new CopyOnWriteArrayList<>();

        @Override
        public void onSubscribed() {
            order.add("subscribed");
            subscribed.incrementAndGet();
        }

        @Override
        public void onConnectionLost(Throwable cause) {
            order.add("lost");
            lost.incrementAndGet();
        }
    }
}
