package dev.pottery.collections.list;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisListTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisListOnClusterTest extends RedisListTest {
}
