package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

@RedisServers
class SharedCacheTest {

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
    void twoManagersOnOneServerSeeTheSameEntries() {
        CacheManager first = managers.open("first");
        CacheManager second = managers.open("second");
        Cache<String, String> written = first.createCache("users",
                new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        written.put("ada", "lovelace");

        Cache<String, String> read = second.getCache("users", String.class, String.class);
        assertThat(read).isNotSameAs(written);
        assertThat(read.get("ada")).isEqualTo("lovelace");

        read.put("grace", "hopper");
        read.remove("ada");
        assertThat(written.get("grace")).isEqualTo("hopper");
        assertThat(written.containsKey("ada")).isFalse();
    }

    @Test
    void aSecondManagerOpensTheCacheWithTheConfigurationRecordedInRedis(UnifiedJedis redis) {
        managers.open("creator").createCache("sessions", new MutableConfiguration<Long, String>()
                .setTypes(Long.class, String.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 5)))
                .setStatisticsEnabled(true));
        assertThat(redis.exists("{pottery:jcache:shared:sessions}:config")).isTrue();

        Cache<Long, String> joined = managers.open("joiner").getCache("sessions", Long.class, String.class);

        @SuppressWarnings("unchecked")
        CompleteConfiguration<Long, String> configuration = joined.getConfiguration(CompleteConfiguration.class);
        assertThat(configuration.getKeyType()).isEqualTo(Long.class);
        assertThat(configuration.getValueType()).isEqualTo(String.class);
        assertThat(configuration.isStatisticsEnabled()).isTrue();
        ExpiryPolicy policy = configuration.getExpiryPolicyFactory().create();
        assertThat(policy).isInstanceOf(CreatedExpiryPolicy.class);
        assertThat(policy.getExpiryForCreation()).isEqualTo(new Duration(TimeUnit.MINUTES, 5));
    }

    @Test
    void aCacheNobodyCreatedIsNotFound() {
        assertThat(managers.open("alone").getCache("never-created")).isNull();
    }

    @Test
    void destroyingACacheDeletesAllItsKeysSoNoManagerFindsItAgain(UnifiedJedis redis) {
        CacheManager first = managers.open("first");
        Cache<String, String> cache = first.createCache("temp", new MutableConfiguration<>());
        cache.put("a", "1");
        assertThat(keysOf(redis, "temp")).isNotZero();

        first.destroyCache("temp");

        assertThat(keysOf(redis, "temp")).isZero();
        assertThat(managers.open("second").getCache("temp")).isNull();
    }

    @Test
    void everyKeyOfACacheSharesOneClusterSlot(UnifiedJedis redis) {
        Cache<String, String> cache = managers.open("first").createCache("slotted", new MutableConfiguration<>());
        cache.put("a", "1");
        assertThat(redis.keys("*")).allSatisfy(key -> assertThat(key).startsWith("{pottery:jcache:shared:slotted}:"));
    }

    private static long keysOf(UnifiedJedis redis, String cache) {
        String cursor = ScanParams.SCAN_POINTER_START;
        long count = 0;
        do {
            var page = redis.scan(cursor, new ScanParams().match("{pottery:jcache:shared:" + cache + "}*"));
            count += page.getResult().size();
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return count;
    }
}
