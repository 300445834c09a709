package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.codec.JsonCodec;
import dev.pottery.codec.StringCodec;
import dev.pottery.jcache.configuration.PotteryConfiguration;
import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.util.List;
import java.util.Map;
import javax.cache.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

@RedisServers
class CodecChoiceTest {

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
    void chosenCodecsStoreReadableKeysAndJsonValuesInTheChosenNamespace(UnifiedJedis redis) {
        PotteryConfiguration<String, Object> configuration = new PotteryConfiguration<String, Object>()
                .codecs(StringCodec.utf8(), JsonCodec.natural())
                .namespace("python-shared");
        configuration.setTypes(String.class, Object.class);
        Cache<String, Object> cache = managers.open("json").createCache("profiles", configuration);

        cache.put("ada", Map.of("born", 1815L, "langs", List.of("math")));

        assertThat(redis.hget("{pottery:jcache:python-shared:profiles}:entries", "ada"))
                .isEqualTo("{\"born\": 1815, \"langs\": [\"math\"]}");
        assertThat(cache.get("ada")).isEqualTo(Map.of("born", 1815L, "langs", List.of("math")));
    }
}
