package dev.pottery.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/** Servers with a password, an ACL user and TLS, and clients that reach them. */
class SecuredServerTest {

    @Test
    void aPasswordAndAnAclUserAreRequiredAndRespected() {
        ServerOptions options = ServerOptions.DEFAULT.withPassword("admin-pw")
                .withAclUser("reader on >reader-pw ~shared:* -@all +@read +@connection");
        try (RedisServerGroup group = RedisServerGroup.start(1, options)) {
            RedisServer server = group.get(0);
            assertThat(server.answersPing()).isTrue();
            group.client().set("shared:k", "v");   // the group's client has the default user's password

            try (RedisClient anonymous = server.newClient(server.clientConfig(null, null))) {
                assertThatThrownBy(() -> anonymous.get("shared:k")).isInstanceOf(JedisDataException.class)
                        .hasMessageContaining("NOAUTH");
            }
            try (RedisClient reader = server.newClient(server.clientConfig("reader", "reader-pw"))) {
                assertThat(reader.get("shared:k")).isEqualTo("v");
                assertThatThrownBy(() -> reader.set("shared:k", "w")).isInstanceOf(JedisAccessControlException.class);
                assertThatThrownBy(() -> reader.get("private:k")).isInstanceOf(JedisAccessControlException.class);
            }
            assertThat(server.uri("reader", "p@ss word").toString()).isEqualTo(
                    "redis://reader:p%40ss%20word@127.0.0.1:" + server.port());
        }
    }

    @Test
    void aTlsServerSpeaksOnlyTlsAndSurvivesARestart() {
        try (RedisServerGroup group = RedisServerGroup.start(1, ServerOptions.DEFAULT.withTls())) {
            RedisServer server = group.get(0);
            assertThat(server.uri().getScheme()).isEqualTo("rediss");
            group.client().set("k", "v");
            assertThat(group.client().get("k")).isEqualTo("v");
            try (RedisClient plain = RedisClient.create(server.host(), server.port())) {
                assertThatThrownBy(plain::ping).isInstanceOf(JedisException.class);
            }
            server.restart();
            assertThat(server.answersPing()).isTrue();
            try (RedisClient again = server.newClient()) {
                assertThat(again.ping()).isEqualTo("PONG");
            }
        }
    }
}
