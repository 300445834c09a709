package dev.pottery.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.jcache.LeaseTimeoutException;
import dev.pottery.jcache.spi.PotteryCachingProvider;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.configuration.CompleteConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.cache.CacheMetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.cache.CacheAutoConfiguration;
import org.springframework.boot.autoconfigure.cache.CacheManagerCustomizer;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** When the auto-configuration applies and when it backs off, with a real redis-server where one is needed. */
@RedisServers
class PotteryCacheAutoConfigurationTest {

    private ApplicationContextRunner runner;
    private RedisServer server;

    @BeforeEach
    void runner(RedisServer server) {
        this.server = server;
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PotteryCacheAutoConfiguration.class,
                        PotteryCacheHealthAutoConfiguration.class, PotteryCacheMetricsAutoConfiguration.class,
                        CacheAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                        MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                        CacheMetricsAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.url=" + server.uri());
    }

    @Test
    void withEnableCachingSpringsCacheManagerIsPotterysOnTheConfiguredRedis() {
        runner.withUserConfiguration(Caching.class).run(context -> {
            assertThat(context).hasSingleBean(CacheManager.class).hasBean(PotteryCacheAutoConfiguration.JCACHE_MANAGER);
            javax.cache.CacheManager jcache = context.getBean(JCacheCacheManager.class).getCacheManager();
            assertThat(jcache.getCachingProvider()).isInstanceOf(PotteryCachingProvider.class);
            assertThat(jcache.getURI().toString()).isEqualTo("pottery:spring-boot:default");
            context.getBean(CacheManager.class).getCache("made-on-first-use").put("k", "v");
            try (UnifiedJedis redis = server.newClient()) {
                assertThat(redis.hlen("{pottery:jcache:default:made-on-first-use}:entries")).isEqualTo(1);
            }
        });
    }

    @Test
    void withoutEnableCachingNothingIsConfigured() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CacheManager.class)
                .doesNotHaveBean(PotteryCacheAutoConfiguration.JCACHE_MANAGER));
    }

    @Test
    void anApplicationsOwnCacheManagerWins() {
        runner.withUserConfiguration(Caching.class, OwnCacheManager.class).run(context -> {
            assertThat(context).getBean(CacheManager.class).isInstanceOf(ConcurrentMapCacheManager.class);
            assertThat(context).doesNotHaveBean(PotteryCacheAutoConfiguration.JCACHE_MANAGER)
                    .doesNotHaveBean("potteryHealthIndicator");
        });
    }

    @Test
    void anotherSpringCacheTypeWins() {
        runner.withUserConfiguration(Caching.class).withPropertyValues("spring.cache.type=simple")
                .run(context -> {
                    assertThat(context).getBean(CacheManager.class).isInstanceOf(ConcurrentMapCacheManager.class);
                    assertThat(context).doesNotHaveBean(PotteryCacheAutoConfiguration.JCACHE_MANAGER);
                });
    }

    @Test
    void aJCacheConfigurationFileIsLeftToSpringBootsOwnJCacheSupport() {
        runner.withUserConfiguration(Caching.class)
                .withPropertyValues("spring.cache.jcache.config=classpath:pottery-spring-test.properties",
                        "spring.cache.jcache.provider=" + PotteryCachingProvider.class.getName())
                .withSystemProperties("REDIS_URL_FOR_TEST=" + server.uri())
                .run(context -> {
                    assertThat(context).doesNotHaveBean(PotteryCacheAutoConfiguration.JCACHE_MANAGER);
                    assertThat(context.getBean(CacheManager.class).getCacheNames()).containsExactly("from-file");
                });
    }

    @Test
    void potteryCacheEnabledFalseTurnsItOff() {
        runner.withUserConfiguration(Caching.class)
                .withPropertyValues("pottery.cache.enabled=false", "spring.cache.type=none")
                .run(context -> assertThat(context).doesNotHaveBean(PotteryCacheAutoConfiguration.JCACHE_MANAGER));
    }

    @Test
    void withoutPotteryOnTheClassPathNothingIsConfigured() {
        runner.withUserConfiguration(Caching.class).withPropertyValues("spring.cache.type=none")
                .withClassLoader(new FilteredClassLoader(PotteryCachingProvider.class))
                .run(context -> assertThat(context).doesNotHaveBean(PotteryCacheAutoConfiguration.JCACHE_MANAGER));
    }

    @Test
    void theHealthContributorNeedsActuatorAndCanBeTurnedOff() {
        runner.withUserConfiguration(Caching.class)
                .run(context -> assertThat(context).hasBean("potteryHealthIndicator"));
        runner.withUserConfiguration(Caching.class).withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean("potteryHealthIndicator"));
        runner.withUserConfiguration(Caching.class).withPropertyValues("management.health.pottery.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("potteryHealthIndicator"));
    }

    @Test
    void theCacheMetersNeedMicrometer() {
        runner.withUserConfiguration(Caching.class)
                .run(context -> assertThat(context).hasBean("potteryCacheMeterBinderProvider"));
        runner.withUserConfiguration(Caching.class).withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean("potteryCacheMeterBinderProvider")
                        .hasBean(PotteryCacheAutoConfiguration.JCACHE_MANAGER));
    }

    @Test
    void cachesNamedInThePropertiesExistFromStartupWithTheirSettings() {
        runner.withUserConfiguration(Caching.class, Customized.class)
                .withPropertyValues("spring.cache.cache-names=plain", "pottery.cache.caches.[orders.eu].statistics=false")
                .run(context -> {
                    CacheManager manager = context.getBean(CacheManager.class);
                    assertThat(manager.getCacheNames()).contains("plain", "orders.eu");
                    javax.cache.Cache<?, ?> orders = ((JCacheCacheManager) manager).getCacheManager().getCache("orders.eu");
                    assertThat(orders.getConfiguration(CompleteConfiguration.class).isStatisticsEnabled()).isFalse();
                    assertThat(context.getBean(Customized.class).customized).isTrue();
                });
    }

    @Test
    void aRedisThatIsDownAtStartupFailsWithOneMessageNamingTheAddress() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        runner.withUserConfiguration(Caching.class).withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + closed)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new RedisUnavailableFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .startsWith("Pottery's caches cannot reach Redis at 127.0.0.1:" + closed
                                    + " (from spring.data.redis.url): ")
                            .contains("Failed to connect");
                    assertThat(analysis.getAction()).contains("pottery.cache.startup=lazy");
                });
    }

    @Test
    void lazyStartupStartsWithoutRedis() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        runner.withUserConfiguration(Caching.class)
                .withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + closed, "pottery.cache.startup=lazy",
                        "pottery.cache.caches.books.expiry-duration=1m")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CacheManager.class));
    }

    @Test
    void anSslBundleIsRefusedAtStartupNamingTheProperty() {
        runner.withUserConfiguration(Caching.class).withPropertyValues("spring.data.redis.ssl.bundle=mine")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .hasMessageContaining("spring.data.redis.ssl.bundle"));
    }

    @Test
    void contradictingSettingsFailTheBinding() {
        runner.withUserConfiguration(Caching.class)
                .withPropertyValues("pottery.cache.default.expiry=eternal", "pottery.cache.default.expiry-duration=1m")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("expiry 'eternal' takes no expiry-duration"));
    }

    @Test
    void anExpiryWithoutADurationFailsAtStartupNamingTheProperty() {
        runner.withUserConfiguration(Caching.class).withPropertyValues("pottery.cache.default.expiry=created")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("pottery.cache.default.expiry 'created' needs an expiry-duration"));
        runner.withUserConfiguration(Caching.class).withPropertyValues("pottery.cache.caches.sessions.expiry=accessed")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("pottery.cache.caches.sessions.expiry 'accessed' needs an expiry-duration"));
        runner.withUserConfiguration(Caching.class).withPropertyValues("pottery.cache.default.expiry=accessed",
                        "pottery.cache.caches.sessions.expiry-duration=30m")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("pottery.cache.default.expiry 'accessed' needs an expiry-duration"));
    }

    @Test
    void threadsAskingForTheSameNewCacheAtOnceAllGetOneCache() {
        runner.withUserConfiguration(Caching.class).run(context -> {
            CacheManager manager = context.getBean(CacheManager.class);
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (int round = 0; round < 20; round++) {
                    String name = "new-" + round;
                    CyclicBarrier start = new CyclicBarrier(threads);
                    List<Future<org.springframework.cache.Cache>> asked = new ArrayList<>();
                    for (int i = 0; i < threads; i++) {
                        asked.add(pool.submit(() -> {
                            start.await();
                            return manager.getCache(name);
                        }));
                    }
                    Set<org.springframework.cache.Cache> caches = Collections.newSetFromMap(new IdentityHashMap<>());
                    for (Future<org.springframework.cache.Cache> cache : asked) {
                        caches.add(cache.get(30, TimeUnit.SECONDS));
                    }
                    assertThat(caches).as("the caches the threads got for %s", name).hasSize(1);
                    assertThat(caches.iterator().next()).isSameAs(manager.getCache(name));
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }

    @Test
    void leaseWaitBoundsHowLongASyncCallerWaitsForAnotherCallersLoad() {
        runner.withUserConfiguration(Caching.class, SlowLoader.class).withPropertyValues("pottery.cache.lease-wait=0s")
                .run(context -> {
                    SlowLoader loader = context.getBean(SlowLoader.class);
                    ExecutorService first = Executors.newSingleThreadExecutor();
                    try {
                        Future<String> loading = first.submit(() -> loader.report("q3"));
                        assertThat(loader.started().await(30, TimeUnit.SECONDS)).isTrue();

                        Throwable waited = org.assertj.core.api.Assertions.catchThrowable(() -> loader.report("q3"));
                        loader.release().countDown();

                        assertThat(loading.get(30, TimeUnit.SECONDS)).isEqualTo("report q3");
                        Throwable cause = waited;
                        while (cause != null && !(cause instanceof LeaseTimeoutException)) {
                            cause = cause.getCause();
                        }
                        assertThat(cause).as("what the second caller got: %s", waited)
                                .isInstanceOf(LeaseTimeoutException.class).hasMessageContaining("'q3'");
                        assertThat(loader.loads()).hasValue(1);
                        assertThat(loader.report("q3")).isEqualTo("report q3");
                    } finally {
                        loader.release().countDown();
                        first.shutdownNow();
                    }
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    static class Caching {
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCacheManager {
        @Bean
        CacheManager cacheManager() {
            return new ConcurrentMapCacheManager();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customized {
        boolean customized;

        @Bean
        CacheManagerCustomizer<JCacheCacheManager> customizer() {
            return manager -> customized = true;
        }
    }

    /** A {@code sync = true} loader that holds its first call until the test releases it. */
    @Configuration(proxyBeanMethods = false)
    static class SlowLoader {
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger loads = new AtomicInteger();

        // Reached through the caching proxy, so methods rather than fields.
        public CountDownLatch started() {
            return started;
        }

        public CountDownLatch release() {
            return release;
        }

        public AtomicInteger loads() {
            return loads;
        }

        @Cacheable(cacheNames = "reports", sync = true)
        public String report(String id) throws InterruptedException {
            loads.incrementAndGet();
            started.countDown();
            release.await(30, TimeUnit.SECONDS);
            return "report " + id;
        }
    }
}
