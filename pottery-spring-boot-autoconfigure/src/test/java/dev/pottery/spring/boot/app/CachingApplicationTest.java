package dev.pottery.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.spring.boot.PotteryCacheAutoConfiguration;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServerGroup;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

/**
 * The auto-configuration in a real application against a real redis-server: only {@code spring.data.redis.url}
 * and {@code pottery.cache.*} settings, caches created on first use, values that are not Serializable stored
 * as JSON, per-cache overrides, meters and the health contributor.
 */
@SpringBootTest(properties = {
        "spring.application.name=catalog",
        "pottery.cache.default.codec=json",
        "pottery.cache.default.expiry-duration=10m",
        "pottery.cache.caches.rates.expiry=accessed",
        "pottery.cache.caches.rates.expiry-duration=1h",
        "pottery.cache.caches.rates.codec=java",
        "pottery.cache.timeout=1s",
        "management.endpoint.health.show-details=always"})
@DirtiesContext
class CachingApplicationTest {

    private static final RedisServerGroup SERVERS = RedisServerGroup.start(1);
    private static final String BOOKS = "{pottery:jcache:catalog:books}:entries";

    @Autowired
    Catalog catalog;
    @Autowired
    Quotes quotes;
    @Autowired
    CacheManager cacheManager;
    @Autowired
    @Qualifier(PotteryCacheAutoConfiguration.JCACHE_MANAGER)
    javax.cache.CacheManager jcache;
    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier("potteryHealthIndicator")
    HealthIndicator health;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> server().uri().toString());
    }

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    @BeforeEach
    void empty() {
        cacheManager.getCacheNames().forEach(name -> cacheManager.getCache(name).clear());
    }

    @Test
    void aCacheIsCreatedInRedisOnFirstUseWithTheDefaults() {
        int before = catalog.lookups();
        Book first = catalog.book("978-0441013593");
        Book second = catalog.book("978-0441013593");

        assertThat(second).isEqualTo(first);
        assertThat(catalog.lookups() - before).isEqualTo(1);
        assertThat(jcache.getCacheNames()).contains("books");
        assertThat(redis().hlen(BOOKS)).isEqualTo(1);
        assertThat(expiry("books")).isInstanceOf(CreatedExpiryPolicy.class);
        assertThat(expiry("books").getExpiryForCreation()).isEqualTo(new Duration(TimeUnit.MINUTES, 10));
    }

    @Test
    void valuesThatAreNotSerializableAreStoredAsJsonWithTheirType() {
        catalog.book("42");

        String stored = new String(redis().hvals(BOOKS.getBytes(StandardCharsets.UTF_8)).get(0), StandardCharsets.UTF_8);
        assertThat(stored).contains("\"@class\":\"dev.pottery.spring.boot.app.Book\"").contains("\"title\":\"Title of 42\"");
        List<Book> shelf = catalog.shelf("sci-fi");
        assertThat(catalog.shelf("sci-fi")).isEqualTo(shelf).allSatisfy(book -> assertThat(book).isInstanceOf(Book.class));
    }

    @Test
    void aNullResultIsCachedAsSpringsNullMarker() {
        int before = catalog.lookups();
        assertThat(catalog.book("missing")).isNull();
        assertThat(catalog.book("missing")).isNull();

        assertThat(catalog.lookups() - before).isEqualTo(1);
        assertThat(redis().hvals(BOOKS.getBytes(StandardCharsets.UTF_8)))
                .singleElement().extracting(bytes -> new String(bytes, StandardCharsets.UTF_8)).isEqualTo("null");
    }

    @Test
    void aCacheOfThePropertiesHasItsOwnExpiryAndCodecAndExistsFromStartup() {
        assertThat(cacheManager.getCacheNames()).contains("rates");
        assertThat(expiry("rates")).isInstanceOf(AccessedExpiryPolicy.class);
        assertThat(expiry("rates").getExpiryForAccess()).isEqualTo(new Duration(TimeUnit.HOURS, 1));

        assertThat(catalog.rate("EUR")).isEqualByComparingTo(new BigDecimal("1.25"));
        byte[] stored = redis().hvals("{pottery:jcache:catalog:rates}:entries".getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(stored[0] & 0xff).as("Java serialization's stream magic").isEqualTo(0xac);
    }

    @Test
    void cachePutAndCacheEvictChangeTheRedisCache() {
        int before = catalog.lookups();
        catalog.book("7");
        catalog.save(new Book("7", "Revised", List.of()));
        assertThat(catalog.book("7").title()).isEqualTo("Revised");
        catalog.forget("7");

        assertThat(redis().hlen(BOOKS)).isZero();
        assertThat(catalog.lookups() - before).isEqualTo(1);
    }

    @Test
    void cacheMetersCountTheHitsAndMissesOfACacheCreatedOnFirstUse() {
        double hitsBefore = hits("books");
        catalog.book("meters");
        catalog.book("meters");
        catalog.book("meters");

        assertThat(hits("books") - hitsBefore).isEqualTo(2.0);
        assertThat(meters.get("cache.gets.latency").tag("cache", "books").functionTimer().count()).isPositive();
    }

    @Test
    void theHealthContributorIsUpWhileRedisAnswersAndDownWhileItDoesNot() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("address", "127.0.0.1:" + server().port())
                .containsEntry("namespace", "catalog");

        server().pause();
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            server().resume();
        }
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theJsr107AnnotationsWorkThroughSpringsJCacheSupportOnPotterysCaches() {
        String quotesKey = "{pottery:jcache:catalog:quotes}:entries";
        assertThat(quotes.quote("ACME")).isEqualTo(quotes.quote("ACME"));
        assertThat(quotes.fetched()).isEqualTo(1);
        assertThat(redis().hlen(quotesKey)).isEqualTo(1);

        quotes.publish("ACME", "ACME=99");
        assertThat(quotes.quote("ACME")).isEqualTo("ACME=99");
        quotes.withdraw("ACME");
        assertThat(redis().hlen(quotesKey)).isZero();
        quotes.quote("X");
        quotes.withdrawAll();
        assertThat(redis().hlen(quotesKey)).isZero();
        assertThat(quotes.fetched()).isEqualTo(2);
    }

    private double hits(String cache) {
        return meters.get("cache.gets").tag("cache", cache).tag("result", "hit").functionCounter().count();
    }

    private ExpiryPolicy expiry(String cache) {
        CompleteConfiguration<?, ?> configuration = jcache.getCache(cache).getConfiguration(CompleteConfiguration.class);
        return configuration.getExpiryPolicyFactory().create();
    }

    private static RedisServer server() {
        return SERVERS.get(0);
    }

    private static UnifiedJedis redis() {
        return SERVERS.client();
    }
}
