package dev.pottery.cache;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisCacheTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisCacheOnClusterTest extends RedisCacheTest {
}
