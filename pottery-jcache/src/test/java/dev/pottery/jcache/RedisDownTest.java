package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RedisServers
class RedisDownTest {

    private Managers managers;

    @BeforeEach
    void open(RedisServer server) {
        managers = new Managers(server);
    }

    @AfterEach
    void close() {
        managers.close();
    }

    @Test
    void operationsOnAStoppedServerFailWithACacheExceptionNamingTheServer(RedisServer server) {
        Cache<String, String> cache = managers.open("impatient", ManagerSettings.TIMEOUT, "300")
                .createCache("fragile", new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        cache.put("k", "v");
        server.stop();

        // Generous bound: what matters is that the call returns (a bounded timeout), not how fast.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> cache.get("k"))
                    .isInstanceOf(CacheException.class)
                    .hasMessageContaining(server.host() + ":" + server.port());
            assertThatThrownBy(() -> cache.putAll(java.util.Map.of("a", "b")))
                    .isInstanceOf(CacheException.class);
            assertThatThrownBy(() -> cache.getAll(Set.of("a"))).isInstanceOf(CacheException.class);
        });
    }

    @Test
    void aValueThatCannotBeSerializedIsACacheExceptionNamingItsType() {
        Cache<String, Object> cache = managers.open("strict").createCache("objects", new MutableConfiguration<>());
        assertThatThrownBy(() -> cache.put("k", new Object()))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("java.lang.Object");
        assertThat(cache.containsKey("k")).isFalse();
    }
}
