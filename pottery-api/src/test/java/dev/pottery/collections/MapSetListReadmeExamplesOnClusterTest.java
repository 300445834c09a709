package dev.pottery.collections;

import dev.pottery.testing.OnRedisCluster;

/** {@link MapSetListReadmeExamplesTest} on a real 3-master Redis Cluster, through a {@code RedisClusterClient}. */
@OnRedisCluster
class MapSetListReadmeExamplesOnClusterTest extends MapSetListReadmeExamplesTest {
}
