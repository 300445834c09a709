package dev.pottery.jcache;

import dev.pottery.testing.OnRedisCluster;

/** {@link ExpiryReclaimTest} on a real 3-master Redis Cluster, each cache manager with its own cluster client. */
@OnRedisCluster
class ExpiryReclaimOnClusterTest extends ExpiryReclaimTest {
}
