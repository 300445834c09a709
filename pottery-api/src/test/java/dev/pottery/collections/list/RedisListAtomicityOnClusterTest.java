package dev.pottery.collections.list;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisListAtomicityTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisListAtomicityOnClusterTest extends RedisListAtomicityTest {
}
