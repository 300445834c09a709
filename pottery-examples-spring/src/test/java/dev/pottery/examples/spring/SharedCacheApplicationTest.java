package dev.pottery.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.CacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.UnifiedJedis;

/** The example application booted against a real redis-server; a second instance runs in a second JVM. */
@RedisServers
class SharedCacheApplicationTest {

    static final String DUNE = "978-0441013593";
    static final String HITCHHIKER = "978-0345391803";
    private static final String ENTRIES = "{pottery:jcache:books-app:books}:entries";

    private RedisServer server;

    @BeforeEach
    void pointAtServer(RedisServer server) {
        this.server = server;
        // application.properties reads ${REDIS_URL:...}: a system property comes before the environment
        System.setProperty("REDIS_URL", server.uri().toString());
    }

    @AfterEach
    void forget() {
        System.clearProperty("REDIS_URL");
    }

    @Test
    void springUsesPotteryThroughTheStarterWithTheCacheOfTheProperties() {
        try (ConfigurableApplicationContext app = boot()) {
            CacheManager manager = app.getBean(CacheManager.class);
            assertThat(manager).isInstanceOf(JCacheCacheManager.class);
            javax.cache.CacheManager jcache = ((JCacheCacheManager) manager).getCacheManager();
            assertThat(jcache.getCachingProvider().getClass().getName())
                    .isEqualTo("dev.pottery.jcache.spi.PotteryCachingProvider");
            assertThat(manager.getCacheNames()).containsExactly("books");
        }
    }

    @Test
    void theBookIsStoredAsJson(UnifiedJedis redis) {
        try (ConfigurableApplicationContext app = boot()) {
            app.getBean(BookCatalog.class).find(DUNE);

            assertThat(redis.hvals(ENTRIES)).containsExactly(
                    "{\"@class\":\"dev.pottery.examples.spring.Book\",\"isbn\":\"" + DUNE + "\",\"title\":\"Dune\"}");
        }
    }

    @Test
    void cacheableCachePutAndCacheEvictWorkOnTheRedisCache(UnifiedJedis redis) {
        try (ConfigurableApplicationContext app = boot()) {
            BookCatalog catalog = app.getBean(BookCatalog.class);
            BookStore store = app.getBean(BookStore.class);

            assertThat(catalog.find(DUNE).title()).isEqualTo("Dune");
            assertThat(catalog.find(DUNE).title()).isEqualTo("Dune");
            assertThat(store.lookups()).isEqualTo(1);
            assertThat(redis.hlen(ENTRIES)).isEqualTo(1);

            catalog.save(new Book(DUNE, "Dune (revised)"));
            assertThat(catalog.find(DUNE).title()).isEqualTo("Dune (revised)");
            assertThat(store.lookups()).isEqualTo(1);

            catalog.remove(DUNE);
            assertThat(redis.hlen(ENTRIES)).isZero();
            assertThat(catalog.find(DUNE)).isNull();
            assertThat(store.lookups()).isEqualTo(2);
        }
    }

    @Test
    void twoApplicationInstancesInTwoJvmsShareTheCacheThroughRedis() throws Exception {
        try (ConfigurableApplicationContext app = boot()) {
            BookCatalog catalog = app.getBean(BookCatalog.class);
            BookStore store = app.getBean(BookStore.class);
            catalog.find(DUNE);
            catalog.find(HITCHHIKER);
            assertThat(store.lookups()).isEqualTo(2);

            String second = runSecondInstance();

            // the second instance found Dune in Redis without asking its own store
            assertThat(second).contains("found Dune after 0 lookups");
            // its @CachePut is what this instance now reads, still without a lookup
            assertThat(catalog.find(DUNE).title()).isEqualTo("Dune (saved by the second instance)");
            assertThat(store.lookups()).isEqualTo(2);
            // its @CacheEvict removed the entry here too: this instance has to look it up again
            assertThat(catalog.find(HITCHHIKER).title()).isEqualTo("The Hitchhiker's Guide to the Galaxy");
            assertThat(store.lookups()).isEqualTo(3);
        }
    }

    private static ConfigurableApplicationContext boot() {
        return new SpringApplicationBuilder(BookApplication.class).run();
    }

    private String runSecondInstance() throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-DREDIS_URL=" + server.uri(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SecondInstance.class.getName())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
