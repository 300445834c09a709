package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The README's JCache example, as written there (with the test server's URL). */
@RedisServers
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRuns(RedisServer server) {
        URI redisUrl = server.uri();   // the README names the user's own server here

        CachingProvider provider = Caching.getCachingProvider();   // finds pottery-jcache
        CacheManager manager = provider.getCacheManager(redisUrl, null);

        MutableConfiguration<String, Integer> config = new MutableConfiguration<String, Integer>()
                .setTypes(String.class, Integer.class)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 10)))
                .setStatisticsEnabled(true);
        Cache<String, Integer> scores = manager.createCache("scores", config);

        scores.put("ada", 3);                                  // 1 round trip
        scores.invoke("ada", (entry, args) -> {                // atomic across threads and JVMs
            entry.setValue(entry.getValue() + 1);
            return null;
        });
        Integer ada = scores.get("ada");                       // 4

        assertThat(ada).isEqualTo(4);
        try (RedisClient redis = server.newClient()) {
            byte[] entries = "{pottery:jcache:default:scores}:entries".getBytes(StandardCharsets.UTF_8);
            // declared String keys and Integer values are stored as plain text, readable in redis-cli
            assertThat(redis.hget(entries, "ada".getBytes(StandardCharsets.UTF_8))).isEqualTo(
                    "4".getBytes(StandardCharsets.UTF_8));
        }
        manager.close();
    }
}
