package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

@RedisServers
class ExpiryReclaimTest {

    private static final String ENTRIES = "{pottery:jcache:shared:short-lived}:entries";
    private static final String EXPIRY = "{pottery:jcache:shared:short-lived}:expiry";

    private Managers managers;

    @BeforeEach
    void open(RedisDeployment server) {
        managers = new Managers(server);
    }

    @AfterEach
    void close() {
        managers.close();
    }

    private Cache<Integer, String> shortLived(String sweepMillis) {
        return managers.open("sweeping-" + sweepMillis, ManagerSettings.SWEEP_INTERVAL, sweepMillis)
                .createCache("short-lived", new MutableConfiguration<Integer, String>()
                        .setTypes(Integer.class, String.class)
                        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 100))));
    }

    @Test
    void expiredEntriesAreDeletedFromRedisInTheBackgroundWithoutBeingRead(UnifiedJedis redis) {
        Cache<Integer, String> cache = shortLived("50");
        for (int i = 0; i < 300; i++) {
            cache.put(i, "value " + i);
        }
        assertThat(redis.hlen(ENTRIES)).isEqualTo(300);

        await().atMost(10, TimeUnit.SECONDS).until(() -> redis.hlen(ENTRIES) == 0 && redis.zcard(EXPIRY) == 0);
        assertThat(redis.exists(ENTRIES)).isFalse();
    }

    @Test
    void anExpiredEntryIsNeverReturnedAndIsDeletedWhenTouched(UnifiedJedis redis) {
        Cache<Integer, String> cache = shortLived("0");
        cache.put(1, "soon gone");
        assertThat(cache.get(1)).isEqualTo("soon gone");

        await().atMost(5, TimeUnit.SECONDS).until(() -> !cache.containsKey(1));

        assertThat(redis.hlen(ENTRIES)).isZero();
        assertThat(redis.zcard(EXPIRY)).isZero();
        assertThat(cache.get(1)).isNull();
    }

    @Test
    void anEternalEntryHasNoExpiryRecord(UnifiedJedis redis) {
        Cache<Integer, String> cache = managers.open("eternal").createCache("short-lived", new MutableConfiguration<>());
        cache.put(1, "forever");
        assertThat(redis.hlen(ENTRIES)).isEqualTo(1);
        assertThat(redis.exists(EXPIRY)).isFalse();
    }
}
