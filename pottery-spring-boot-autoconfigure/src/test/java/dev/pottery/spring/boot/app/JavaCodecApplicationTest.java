package dev.pottery.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServerGroup;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

/**
 * The default codec (Java serialization) with what Spring's cache abstraction itself stores: a cached
 * {@code null} or empty {@code Optional} (Spring's {@code NullValue}) and the key of a method with two
 * parameters (Spring's {@code SimpleKey}) are written and read back, against a real redis-server. Each read
 * here decodes the bytes from Redis (no near cache).
 */
@SpringBootTest(properties = "spring.application.name=ledger")
@DirtiesContext
class JavaCodecApplicationTest {

    private static final RedisServerGroup SERVERS = RedisServerGroup.start(1);

    @Autowired
    Ledger ledger;
    @Autowired
    CacheManager cacheManager;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> SERVERS.get(0).uri().toString());
    }

    @AfterAll
    static void stop() {
        SERVERS.close();
    }

    @BeforeEach
    void empty() {
        SERVERS.flushAll();
    }

    @Test
    void aNullResultIsCachedAndReadBack() {
        int before = ledger.lookups();

        assertThat(ledger.owner("acc-1")).isNull();
        assertThat(ledger.owner("acc-1")).isNull();

        assertThat(ledger.lookups() - before).isEqualTo(1);
        try (UnifiedJedis redis = SERVERS.get(0).newClient()) {
            assertThat(redis.hlen("{pottery:jcache:ledger:owners}:entries")).isEqualTo(1);
        }
    }

    @Test
    void anEmptyOptionalIsCachedAndReadBack() {
        int before = ledger.lookups();

        assertThat(ledger.overdraft("acc-1")).isEmpty();
        assertThat(ledger.overdraft("acc-1")).isEmpty();

        assertThat(ledger.lookups() - before).isEqualTo(1);
    }

    @Test
    void aNullResultUnderSyncIsLoadedOnceAndReadBack() {
        int before = ledger.lookups();

        assertThat(ledger.auditor("acc-1")).isNull();
        assertThat(ledger.auditor("acc-1")).isNull();

        assertThat(ledger.lookups() - before).isEqualTo(1);
    }

    @Test
    void aMethodWithTwoParametersIsCachedAndEvictAllEntriesEmptiesIt() {
        int before = ledger.lookups();
        assertThat(ledger.balance("acc-1", 2025)).isEqualTo(new BigDecimal("20.25"));
        assertThat(ledger.balance("acc-1", 2025)).isEqualTo(new BigDecimal("20.25"));
        ledger.balance("acc-2", 2024);
        assertThat(ledger.lookups() - before).isEqualTo(2);

        ledger.closeBooks();

        try (UnifiedJedis redis = SERVERS.get(0).newClient()) {
            assertThat(redis.hlen("{pottery:jcache:ledger:balances}:entries")).isZero();
        }
        ledger.balance("acc-1", 2025);
        assertThat(ledger.lookups() - before).isEqualTo(3);
    }

    @Test
    void springsKeysAreReadBackByTheCacheItself() {
        ledger.balance("acc-3", 2023);
        javax.cache.Cache<?, ?> balances = (javax.cache.Cache<?, ?>) cacheManager.getCache("balances").getNativeCache();

        int keys = 0;
        for (javax.cache.Cache.Entry<?, ?> entry : balances) {
            assertThat(entry.getKey()).isEqualTo(new SimpleKey("acc-3", 2023));
            keys++;
        }
        assertThat(keys).isEqualTo(1);
    }
}
