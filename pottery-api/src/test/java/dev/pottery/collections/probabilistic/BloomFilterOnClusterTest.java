package dev.pottery.collections.probabilistic;

import dev.pottery.testing.OnRedisCluster;

/** {@link BloomFilterTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class BloomFilterOnClusterTest extends BloomFilterTest {
}
