package dev.pottery.jcache;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.testing.RedisClusterGroup;
import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.cache.CacheManager;
import javax.cache.Caching;

/**
 * Opens cache managers on a test's redis-server (or Redis Cluster, each manager with its own cluster
 * client), each under its own URI but in one shared namespace, the way two applications (or two JVMs)
 * would reach the same caches; closes them all afterwards.
 */
final class Managers implements AutoCloseable {

    private final RedisServer server;
    private final boolean cluster;
    private final List<CacheManager> opened = new ArrayList<>();

    Managers(RedisDeployment redis) {
        this.cluster = redis instanceof RedisClusterGroup;
        this.server = redis instanceof RedisClusterGroup group ? group.nodes().get(0) : (RedisServer) redis;
    }

    /** A manager named {@code pottery:<name>} in namespace "shared", with optional extra settings. */
    CacheManager open(String name, String... settings) {
        return open(name, new Properties(), settings);
    }

    /** A manager that talks through {@code client} instead of creating its own. */
    CacheManager openWith(String name, redis.clients.jedis.UnifiedJedis client) {
        Properties properties = new Properties();
        properties.put(ManagerSettings.CLIENT, client);
        return open(name, properties);
    }

    private CacheManager open(String name, Properties properties, String... settings) {
        properties.setProperty(ManagerSettings.URL, server.uri().toString());
        properties.setProperty(ManagerSettings.NAMESPACE, "shared");
        properties.setProperty(ManagerSettings.CLUSTER, Boolean.toString(cluster));
        for (int i = 0; i + 1 < settings.length; i += 2) {
            properties.setProperty(settings[i], settings[i + 1]);
        }
        CacheManager manager = Caching.getCachingProvider()
                .getCacheManager(URI.create("pottery:" + name), getClass().getClassLoader(), properties);
        opened.add(manager);
        return manager;
    }

    @Override
    public void close() {
        opened.forEach(CacheManager::close);
    }
}
