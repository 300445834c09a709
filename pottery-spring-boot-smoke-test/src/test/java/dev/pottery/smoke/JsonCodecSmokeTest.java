package dev.pottery.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.JedisPooled;

/** The same application with {@code pottery.cache.default.codec=json}, on the Jackson Boot's BOM manages. */
@SpringBootTest(properties = {"pottery.cache.default.codec=json", "pottery.cache.namespace=json-smoke"})
@DirtiesContext
class JsonCodecSmokeTest {

    @Autowired
    Greeter greeter;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        SmokeRedis.register(registry);
    }

    @Test
    void valuesAreStoredAsTypedJsonAndReadBack() {
        assertThat(greeter.greet("Grace").text()).isEqualTo("Hello, Grace!");
        assertThat(greeter.greet("Grace")).isInstanceOf(Greeter.Greeting.class);

        assertThat(greeter.made()).isEqualTo(1);
        try (JedisPooled redis = new JedisPooled("127.0.0.1", SmokeRedis.port())) {
            byte[] stored = redis.hvals("{pottery:jcache:json-smoke:greetings}:entries".getBytes(StandardCharsets.UTF_8)).get(0);
            assertThat(new String(stored, StandardCharsets.UTF_8))
                    .isEqualTo("{\"@class\":\"dev.pottery.smoke.Greeter$Greeting\",\"text\":\"Hello, Grace!\"}");
        }
    }
}
