package dev.pottery.collections.queue;

import dev.pottery.testing.OnRedisCluster;

/** {@link PythonNoneTest} on a real 3-master Redis Cluster. */
@OnRedisCluster
class PythonNoneOnClusterTest extends PythonNoneTest {
}
