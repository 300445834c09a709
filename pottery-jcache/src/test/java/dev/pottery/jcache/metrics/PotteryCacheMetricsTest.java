package dev.pottery.jcache.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Properties;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RedisServers
class PotteryCacheMetricsTest {

    private CacheManager manager;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void open(RedisServer server) {
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.URL, server.uri().toString());
        properties.setProperty(ManagerSettings.SWEEP_INTERVAL, "0");
        manager = Caching.getCachingProvider().getCacheManager(URI.create("pottery:metrics"), null, properties);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void countsGetsPutsRemovalsUnderMicrometersJCacheNames() {
        Cache<String, String> books = manager.createCache("books",
                new MutableConfiguration<String, String>().setStatisticsEnabled(true));
        PotteryCacheMetrics.monitor(registry, books, "app", "shop");

        books.put("a", "1");
        books.put("b", "2");
        books.get("a");
        books.get("a");
        books.get("missing");
        books.remove("b");

        assertThat(count("cache.gets", "result", "hit")).isEqualTo(2);
        assertThat(count("cache.gets", "result", "miss")).isEqualTo(1);
        assertThat(count("cache.puts")).isEqualTo(2);
        assertThat(count("cache.removals")).isEqualTo(1);
        assertThat(count("cache.evictions")).isZero();
        FunctionTimer gets = registry.get("cache.gets.latency").functionTimer();
        assertThat(gets.count()).isEqualTo(3);
        assertThat(gets.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.get("cache.puts.latency").functionTimer().count()).isEqualTo(2);
        assertThat(registry.get("cache.removals.latency").functionTimer().count()).isEqualTo(1);
        assertThat(registry.get("cache.puts").meter().getId().getTags()).extracting(t -> t.getKey() + "=" + t.getValue())
                .contains("cache=books", "cacheManager=pottery:metrics", "app=shop");
    }

    @Test
    void monitorAllBindsEveryOpenCacheSeparately() {
        Cache<String, String> a = manager.createCache("a", new MutableConfiguration<String, String>()
                .setStatisticsEnabled(true));
        manager.createCache("b", new MutableConfiguration<String, String>().setStatisticsEnabled(true));
        PotteryCacheMetrics.monitorAll(registry, manager);

        a.put("k", "v");

        assertThat(registry.get("cache.puts").tag("cache", "a").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("cache.puts").tag("cache", "b").functionCounter().count()).isZero();
        assertThat(Set.copyOf(registry.find("cache.gets").meters().stream()
                .map(m -> m.getId().getTag("cache")).toList())).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void countersStayStillWhileStatisticsAreOff() {
        Cache<String, String> quiet = manager.createCache("quiet", new MutableConfiguration<>());
        PotteryCacheMetrics.monitor(registry, quiet);

        quiet.put("k", "v");
        quiet.get("k");

        assertThat(count("cache.puts")).isZero();
        manager.enableStatistics("quiet", true);
        quiet.get("k");
        assertThat(count("cache.gets", "result", "hit")).isEqualTo(1);
    }

    @Test
    void aCacheOfAnotherProviderIsRefusedWithAPointerToJCacheMetrics() {
        @SuppressWarnings("unchecked")
        Cache<String, String> foreign = (Cache<String, String>) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Cache.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> "elsewhere";
                    case "unwrap" -> throw new IllegalArgumentException("no");
                    default -> null;
                });
        assertThatThrownBy(() -> PotteryCacheMetrics.monitor(registry, foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cache elsewhere is not a Pottery cache")
                .hasMessageContaining("JCacheMetrics");
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).functionCounter().count();
    }
}
