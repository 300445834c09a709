package dev.pottery.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisClusterGroup;
import dev.pottery.testing.RedisSentinelGroup;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** A configuration file naming a real Redis Cluster or a real sentinel group instead of one URL. */
class TopologyConfigTest {

    @TempDir
    Path dir;

    private final CachingProvider provider = Caching.getCachingProvider();

    @AfterEach
    void closeManagers() {
        provider.close();
    }

    @Test
    void clusterNodesInTheFileMakeAClusterClient() throws IOException {
        try (RedisClusterGroup cluster = RedisClusterGroup.start(3)) {
            String nodes = cluster.addresses().stream().map(Object::toString).collect(Collectors.joining(","));
            URI file = write("cluster.properties", """
                    pottery.redis.cluster.nodes = %s
                    pottery.sweep.interval.millis = 0
                    cache.sessions.key-type = String
                    cache.sessions.value-type = String
                    """.formatted(nodes));

            CacheManager manager = provider.getCacheManager(file, getClass().getClassLoader());
            Cache<String, String> sessions = manager.getCache("sessions", String.class, String.class);
            sessions.put("s-1", "ada");

            assertThat(manager.unwrap(UnifiedJedis.class).getClass().getSimpleName()).isEqualTo("RedisClusterClient");
            assertThat(sessions.get("s-1")).isEqualTo("ada");
            assertThat(cluster.client().exists("{pottery:jcache:default:sessions}:entries")).isTrue();
        }
    }

    @Test
    void sentinelNodesInTheFileFindTheMaster() throws IOException {
        try (RedisSentinelGroup group = RedisSentinelGroup.start()) {
            String sentinels = group.sentinelAddresses().stream().map(Object::toString)
                    .collect(Collectors.joining(","));
            URI file = write("sentinel.properties", """
                    pottery.redis.sentinel.nodes = %s
                    pottery.redis.sentinel.master = %s
                    pottery.sweep.interval.millis = 0
                    pottery.caches = sessions
                    """.formatted(sentinels, RedisSentinelGroup.MASTER_NAME));

            CacheManager manager = provider.getCacheManager(file, getClass().getClassLoader());
            manager.getCache("sessions").put("s-1", "ada");

            try (RedisClient master = group.master().newClient()) {
                assertThat(master.exists("{pottery:jcache:default:sessions}:entries")).isTrue();
            }
        }
    }

    private URI write(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path.toUri();
    }
}
