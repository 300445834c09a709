package dev.pottery.collections.set;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisSetAlgebraTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisSetAlgebraOnClusterTest extends RedisSetAlgebraTest {
}
