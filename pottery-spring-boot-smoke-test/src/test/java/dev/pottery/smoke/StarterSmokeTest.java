package dev.pottery.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.jcache.PotteryCacheManager;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.JedisPooled;

/**
 * The application as a user builds it (Spring Boot's parent and BOM, the starter, {@code @EnableCaching},
 * {@code spring.data.redis.url}) against a real redis-server: it caches in Redis, and Pottery runs on its own
 * Jedis 8 while the Jedis on the class path is the one Boot's BOM manages.
 */
@SpringBootTest
@DirtiesContext
class StarterSmokeTest {

    @Autowired
    Greeter greeter;
    @Autowired
    CacheManager cacheManager;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        SmokeRedis.register(registry);
    }

    @Test
    void theCacheableResultIsCachedInRedisWithNoOtherConfiguration() {
        assertThat(greeter.greet("Ada").text()).isEqualTo("Hello, Ada!");
        assertThat(greeter.greet("Ada").text()).isEqualTo("Hello, Ada!");

        assertThat(greeter.made()).isEqualTo(1);
        try (JedisPooled redis = new JedisPooled("127.0.0.1", SmokeRedis.port())) {
            assertThat(redis.hlen("{pottery:jcache:default:greetings}:entries")).isEqualTo(1);
        }
    }

    @Test
    void potteryRunsOnItsOwnJedis8WhileBootsBomDecidesTheJedisOnTheClassPath() throws Exception {
        javax.cache.CacheManager jcache = ((JCacheCacheManager) cacheManager).getCacheManager();
        Object client = jcache.unwrap(PotteryCacheManager.class).redis();

        assertThat(client.getClass().getName()).startsWith("dev.pottery.shaded.redis.clients.jedis.");
        assertThat(jedisVersion(client.getClass())).startsWith("8.");

        Class<?> applicationsJedis = Class.forName("redis.clients.jedis.UnifiedJedis");
        assertThat(jedisVersion(applicationsJedis)).isEqualTo(System.getProperty("boot.jedis.version"))
                .isNotEqualTo(jedisVersion(client.getClass()));
        if (!jedisVersion(applicationsJedis).startsWith("8.")) {
            // what unshaded pottery-jcache would need, and the BOM's Jedis lacks
            assertThatThrownBy(() -> Class.forName("redis.clients.jedis.RedisClient"))
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    /** The version in the pom.properties Jedis keeps beside its classes. */
    private static String jedisVersion(Class<?> jedisClass) throws IOException {
        try (InputStream in = jedisClass.getResourceAsStream("pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
