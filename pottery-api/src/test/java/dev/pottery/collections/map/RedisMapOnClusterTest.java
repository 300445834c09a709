package dev.pottery.collections.map;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisMapTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisMapOnClusterTest extends RedisMapTest {
}
