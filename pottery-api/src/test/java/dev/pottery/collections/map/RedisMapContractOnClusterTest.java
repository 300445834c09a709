package dev.pottery.collections.map;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisMapContractTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisMapContractOnClusterTest extends RedisMapContractTest {
}
