package dev.pottery.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** spring.data.redis.* read as Spring Boot reads it, into Pottery's manager properties. */
class RedisConnectionTest {

    @Test
    void aUrlIsPassedOnWithItsCredentialsAndTlsFromItsScheme() {
        RedisProperties redis = new RedisProperties();
        redis.setUrl("rediss://app:secret@cache-host:6380/2");
        redis.setHost("ignored");
        redis.setPassword("ignored too");

        RedisConnection connection = RedisConnection.of(redis);

        assertThat(connection.properties()).containsOnly(
                entry("pottery.redis.url", "rediss://app:secret@cache-host:6380/2"), entry("pottery.redis.ssl", "true"));
        assertThat(connection.source()).isEqualTo("spring.data.redis.url");
    }

    @Test
    void hostPortAndTheRestMakeAUrlAndOverrides() {
        RedisProperties redis = new RedisProperties();
        redis.setHost("cache-host");
        redis.setPort(6390);
        redis.setUsername("app");
        redis.setPassword("secret");
        redis.setDatabase(3);
        redis.getSsl().setEnabled(true);

        assertThat(RedisConnection.of(redis).properties()).containsOnly(
                entry("pottery.redis.url", "redis://cache-host:6390"), entry("pottery.redis.database", "3"),
                entry("pottery.redis.user", "app"), entry("pottery.redis.password", "secret"),
                entry("pottery.redis.ssl", "true"));
    }

    @Test
    void sentinelsWinOverAClusterAndTakeTheMastersCredentialsFromTheUrl() {
        RedisProperties redis = new RedisProperties();
        redis.setUrl("redis://:secret@ignored-host:1/4");
        redis.setSentinel(new RedisProperties.Sentinel());
        redis.getSentinel().setMaster("mymaster");
        redis.getSentinel().setNodes(List.of("s1:26379", "s2:26379"));
        redis.setCluster(new RedisProperties.Cluster());
        redis.getCluster().setNodes(List.of("c1:7000"));

        RedisConnection connection = RedisConnection.of(redis);

        assertThat(connection.properties()).containsOnly(entry("pottery.redis.sentinel.master", "mymaster"),
                entry("pottery.redis.sentinel.nodes", "s1:26379,s2:26379"), entry("pottery.redis.database", "4"),
                entry("pottery.redis.password", "secret"));
        assertThat(connection.source()).isEqualTo("spring.data.redis.sentinel.*");
    }

    @Test
    void clusterNodesBecomeSeedNodes() {
        RedisProperties redis = new RedisProperties();
        redis.setCluster(new RedisProperties.Cluster());
        redis.getCluster().setNodes(List.of("c1:7000", "c2:7000"));
        redis.setPassword("secret");

        assertThat(RedisConnection.of(redis).properties()).containsOnly(
                entry("pottery.redis.cluster.nodes", "c1:7000,c2:7000"), entry("pottery.redis.password", "secret"));
    }

    @Test
    void whatPotteryCannotHonourFailsNamingThePropertyButNeverAPassword() {
        RedisProperties bundle = new RedisProperties();
        bundle.getSsl().setBundle("corporate");
        assertThatThrownBy(() -> RedisConnection.of(bundle)).isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("spring.data.redis.ssl.bundle");

        RedisProperties sentinelPassword = new RedisProperties();
        sentinelPassword.setSentinel(new RedisProperties.Sentinel());
        sentinelPassword.getSentinel().setMaster("m");
        sentinelPassword.getSentinel().setNodes(List.of("s:26379"));
        sentinelPassword.getSentinel().setPassword("hunter2");
        assertThatThrownBy(() -> RedisConnection.of(sentinelPassword))
                .hasMessageContaining("spring.data.redis.sentinel.password").hasMessageNotContaining("hunter2");
    }

    private static java.util.Map.Entry<Object, Object> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }

    static Properties properties(RedisConnection connection) {
        return connection.properties();
    }
}
