package dev.pottery.tck;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.testing.RedisServerGroup;

/**
 * The one redis-server the TCK run uses: started before the first test, named to the provider through the
 * {@code pottery.redis.url} system property (so {@code getDefaultURI()} points at it), stopped at the end.
 *
 * <pre>{@code
 * TckRedis.start();      // idempotent
 * }</pre>
 */
final class TckRedis {

    private static RedisServerGroup servers;

    private TckRedis() {
    }

    static synchronized void start() {
        if (servers == null) {
            servers = RedisServerGroup.start(1);
            System.setProperty(ManagerSettings.URL, servers.get(0).uri().toString());
        }
    }

    static synchronized void stop() {
        if (servers != null) {
            servers.close();
            servers = null;
        }
    }
}
