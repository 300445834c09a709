package dev.pottery.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.collections.map.RedisMap;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Collections, Redlock and NextId on servers as production runs them: a password, an ACL user restricted to
 * the rules the README gives, and TLS.
 */
class SecuredServersTest {

    /** requirepass: the default user's password. */
    @Nested
    @RedisServers(password = "pw-collections")
    class WithAPassword {

        @Test
        void everythingWorksWithThePassword(RedisServer server) throws Exception {
            try (RedisClient redis = server.newClient(server.clientConfig(null, "pw-collections"))) {
                SecuredAccess.everyStructureWorks(redis);
            }
        }

        @Test
        void nothingWorksWithout(RedisServer server) {
            try (RedisClient anonymous = server.newClient(server.clientConfig(null, null))) {
                assertThatThrownBy(() -> new RedisMap<String, String>(anonymous, "app:map").put("k", "v"))
                        .isInstanceOf(JedisDataException.class).hasMessageContaining("NOAUTH");
            }
        }
    }

    /** An ACL user with only the README's rules. */
    @Nested
    @RedisServers(aclUsers = SecuredAccess.COLLECTIONS_AND_LOCKS_USER)
    class WithTheMinimalAclUser {

        @Test
        void everyStructureLockAndIdWorks(RedisServer server) throws Exception {
            try (RedisClient redis = server.newClient(server.clientConfig("app", "app-pass"))) {
                SecuredAccess.everyStructureWorks(redis);
            }
        }

        @Test
        void theUserCanReachNoOtherKeyAndNoAdministration(RedisServer server) {
            try (RedisClient redis = server.newClient(server.clientConfig("app", "app-pass"))) {
                assertThatThrownBy(() -> new RedisMap<String, String>(redis, "other:map").put("k", "v"))
                        .hasStackTraceContaining("NOPERM");
                assertThatThrownBy(redis::flushAll).isInstanceOf(JedisAccessControlException.class);
                assertThatThrownBy(() -> redis.configGet("requirepass")).isInstanceOf(JedisAccessControlException.class);
            }
        }
    }

    /** TLS only, with a certificate made for this run; the ACL user over it. */
    @Nested
    @RedisServers(tls = true, aclUsers = SecuredAccess.COLLECTIONS_AND_LOCKS_USER)
    class OverTls {

        @Test
        void everythingWorksOverTls(RedisServer server) throws Exception {
            try (RedisClient redis = server.newClient(server.clientConfig("app", "app-pass"))) {
                SecuredAccess.everyStructureWorks(redis);
            }
        }

        @Test
        void aPlainConnectionIsRefused(RedisServer server) {
            try (RedisClient plain = RedisClient.create(server.host(), server.port())) {
                assertThatThrownBy(plain::ping).isInstanceOf(redis.clients.jedis.exceptions.JedisException.class);
            }
        }
    }
}
