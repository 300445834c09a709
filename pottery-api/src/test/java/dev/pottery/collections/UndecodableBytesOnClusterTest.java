package dev.pottery.collections;

import dev.pottery.testing.OnRedisCluster;

/** {@link UndecodableBytesTest} on a real 3-master Redis Cluster. */
@OnRedisCluster
class UndecodableBytesOnClusterTest extends UndecodableBytesTest {
}
