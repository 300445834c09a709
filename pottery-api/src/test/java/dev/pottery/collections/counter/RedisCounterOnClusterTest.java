package dev.pottery.collections.counter;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisCounterTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisCounterOnClusterTest extends RedisCounterTest {
}
