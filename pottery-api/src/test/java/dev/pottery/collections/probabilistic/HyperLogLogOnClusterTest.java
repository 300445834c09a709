package dev.pottery.collections.probabilistic;

import dev.pottery.testing.OnRedisCluster;

/** {@link HyperLogLogTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class HyperLogLogOnClusterTest extends HyperLogLogTest {
}
