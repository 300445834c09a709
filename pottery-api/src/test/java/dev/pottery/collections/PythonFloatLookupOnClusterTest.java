package dev.pottery.collections;

import dev.pottery.testing.OnRedisCluster;

/** {@link PythonFloatLookupTest} on a real 3-master Redis Cluster. */
@OnRedisCluster
class PythonFloatLookupOnClusterTest extends PythonFloatLookupTest {
}
