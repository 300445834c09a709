package dev.pottery.tck;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.testing.RedisClusterGroup;
import dev.pottery.testing.RedisServerGroup;

/**
 * The Redis the TCK run uses: started before the first test, named to the provider through the
 * {@code pottery.redis.url} system property (so {@code getDefaultURI()} points at it), stopped at the end.
 * One redis-server, or, when the system property {@value #ON_CLUSTER} is {@code true} (the second
 * surefire execution), a 3-master Redis Cluster whose first node the URL names, with
 * {@code pottery.redis.cluster=true} so the provider opens a cluster client.
 *
 * <pre>{@code
 * TckRedis.start();      // idempotent
 * }</pre>
 */
final class TckRedis {

    /** System property choosing a Redis Cluster instead of one server. */
    static final String ON_CLUSTER = "pottery.tck.cluster";

    private static AutoCloseable servers;

    private TckRedis() {
    }

    static synchronized void start() {
        if (servers == null && Boolean.getBoolean(ON_CLUSTER)) {
            RedisClusterGroup cluster = RedisClusterGroup.start(3);
            servers = cluster;
            System.setProperty(ManagerSettings.URL, cluster.nodes().get(0).uri().toString());
            System.setProperty(ManagerSettings.CLUSTER, "true");
        } else if (servers == null) {
            RedisServerGroup single = RedisServerGroup.start(1);
            servers = single;
            System.setProperty(ManagerSettings.URL, single.get(0).uri().toString());
        }
    }

    static synchronized void stop() {
        if (servers != null) {
            try {
                servers.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the TCK's Redis", e);
            }
            servers = null;
        }
    }
}
