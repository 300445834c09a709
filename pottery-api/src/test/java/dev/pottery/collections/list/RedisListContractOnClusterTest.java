package dev.pottery.collections.list;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisListContractTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisListContractOnClusterTest extends RedisListContractTest {
}
