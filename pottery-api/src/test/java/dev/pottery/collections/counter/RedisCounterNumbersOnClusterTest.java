package dev.pottery.collections.counter;

import dev.pottery.testing.OnRedisCluster;

/** {@link RedisCounterNumbersTest} on a real 3-master Redis Cluster. */
@OnRedisCluster
class RedisCounterNumbersOnClusterTest extends RedisCounterNumbersTest {
}
