package dev.pottery.collections.set;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisSetTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisSetOnClusterTest extends RedisSetTest {
}
