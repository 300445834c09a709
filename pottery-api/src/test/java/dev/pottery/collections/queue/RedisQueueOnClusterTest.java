package dev.pottery.collections.queue;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisQueueTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class RedisQueueOnClusterTest extends RedisQueueTest {
}
