package dev.pottery.collections;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisQueueTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisQueueOnClusterTest extends RedisQueueTest {
}
