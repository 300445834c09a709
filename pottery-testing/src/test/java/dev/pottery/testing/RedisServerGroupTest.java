package dev.pottery.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

class RedisServerGroupTest {

    @Test
    void startsFiveIndependentServersOnDistinctLoopbackPortsAndKillRestartLosesData() {
        try (RedisServerGroup group = RedisServerGroup.start(5)) {
            Set<Integer> ports = new HashSet<>();
            for (RedisServer server : group.servers()) {
                assertThat(server.host()).isEqualTo("127.0.0.1");
                assertThat(server.port()).isNotEqualTo(6379);
                assertThat(server.answersPing()).isTrue();
                ports.add(server.port());
            }
            assertThat(ports).hasSize(5);

            // Independent: a key written on one server is absent on the others.
            group.clients().get(0).set("only-here", "1");
            assertThat(group.clients().get(1).exists("only-here")).isFalse();

            RedisServer victim = group.get(2);
            group.clients().get(2).set("volatile", "x");
            int port = victim.port();
            victim.kill();
            assertThat(victim.isRunning()).isFalse();
            assertThat(victim.answersPing()).isFalse();
            assertThat(group.get(3).answersPing()).as("the others keep running").isTrue();

            victim.restart();
            assertThat(victim.port()).isEqualTo(port);
            try (RedisClient client = victim.newClient()) {
                assertThat(client.get("volatile")).as("non-persistent data is gone").isNull();
            }
        }
    }

    @Test
    void persistentServerKeepsDataAcrossKillAndRestart() {
        try (RedisServerGroup group = RedisServerGroup.start(1, ServerOptions.persistentServers())) {
            RedisServer server = group.get(0);
            try (RedisClient client = server.newClient()) {
                client.set("durable", "yes");
            }
            server.kill();
            server.restart();
            try (RedisClient client = server.newClient()) {
                assertThat(client.get("durable")).isEqualTo("yes");
            }
        }
    }

    @Test
    void pausedServerStopsAnsweringAndResumesWithItsData() {
        try (RedisServerGroup group = RedisServerGroup.start(1)) {
            RedisServer server = group.get(0);
            group.client().set("kept", "1");
            server.pause();
            assertThat(server.isRunning()).isFalse();
            assertThat(server.answersPing()).isFalse();
            var config = DefaultJedisClientConfig.builder().socketTimeoutMillis(200).build();
            try (RedisClient client = RedisClient.builder()
                    .hostAndPort(new HostAndPort(server.host(), server.port())).clientConfig(config).build()) {
                assertThatThrownBy(() -> client.get("kept")).isInstanceOf(RuntimeException.class);
            }
            server.resume();
            assertThat(server.answersPing()).isTrue();
            assertThat(group.client().get("kept")).isEqualTo("1");
        }
    }

    @Test
    void stoppedServerComesBackOnItsPort() {
        try (RedisServerGroup group = RedisServerGroup.start(1)) {
            RedisServer server = group.get(0);
            server.stop();
            assertThat(server.answersPing()).isFalse();
            assertThatThrownBy(server::pause).isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
            server.restart();
            assertThat(server.answersPing()).isTrue();
            assertThat(server.uri().toString()).isEqualTo("redis://127.0.0.1:" + server.port());
        }
    }

    @Test
    void rejectsAGroupOfNoServers() {
        assertThatThrownBy(() -> RedisServerGroup.start(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sourceIsDescribed() {
        assertThat(ServerSources.describe()).isNotBlank();
    }

    @Test
    void serverStartsWithinSeconds() {
        long start = System.nanoTime();
        try (RedisServerGroup group = RedisServerGroup.start(1)) {
            assertThat(group.get(0).answersPing()).isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
}
