package dev.pottery.testing;

import redis.clients.jedis.UnifiedJedis;

/**
 * What a test needs from "the Redis it runs on" when it must not care whether that is one server or a
 * cluster: more independent clients. A {@link RedisServer} and a {@link RedisClusterGroup} are both
 * deployments, so a test taking one runs unchanged under {@link RedisServers} and {@link OnRedisCluster}.
 *
 * <pre>{@code
 * @Test
 * void twoClientsSeeEachOthersWrites(RedisDeployment redis, UnifiedJedis first) {
 *     try (UnifiedJedis second = redis.newClient()) {   // a RedisClient or a RedisClusterClient
 *         ...
 *     }
 * }
 * }</pre>
 */
public interface RedisDeployment {

    /** A new client of this deployment, with its own connections; the caller closes it. */
    UnifiedJedis newClient();
}
