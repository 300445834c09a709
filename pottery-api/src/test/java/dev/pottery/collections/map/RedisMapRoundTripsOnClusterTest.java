package dev.pottery.collections.map;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisMapRoundTripsTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisMapRoundTripsOnClusterTest extends RedisMapRoundTripsTest {
}
