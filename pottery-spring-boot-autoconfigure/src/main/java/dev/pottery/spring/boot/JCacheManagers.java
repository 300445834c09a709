package dev.pottery.spring.boot;

import dev.pottery.jcache.PotteryCacheManager;
import dev.pottery.jcache.configuration.ManagerSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.spi.CachingProvider;
import redis.clients.jedis.UnifiedJedis;

/**
 * Opens the JCache manager of one application context: Pottery's provider, with the manager properties of
 * {@link RedisConnection} and {@link PotteryCacheProperties}, under the URI {@code pottery:spring-boot:<namespace>}
 * (the {@code cacheManager} tag of the cache meters and the {@code CacheManager} of the JMX names). A second
 * context in the same JVM and class loader (a test's) gets a URI of its own ({@code …#2}), so that closing one
 * context never closes the other's manager.
 *
 * <pre>{@code
 * CacheManager manager = JCacheManagers.open(provider, classLoader, settings, connection, "shop");
 * }</pre>
 */
final class JCacheManagers {

    /** Manager property telling this context's manager from another's with the same URI. */
    private static final String OWNER = "pottery.spring-boot.context";

    private JCacheManagers() {
    }

    /**
     * Opens the manager and, with {@code startup=check}, PINGs Redis (1 round trip).
     *
     * @throws RedisUnavailableException if the check is on and Redis does not answer within the timeout
     */
    static CacheManager open(CachingProvider provider, ClassLoader classLoader, PotteryCacheProperties settings,
                             RedisConnection connection, Duration timeout, String namespace,
                             java.util.List<String> applicationPackages) {
        Properties properties = new Properties();
        properties.putAll(connection.properties());
        properties.setProperty(ManagerSettings.NAMESPACE, namespace);
        properties.setProperty(ManagerSettings.KEY_PREFIX, settings.keyPrefix());
        properties.setProperty(ManagerSettings.TIMEOUT, Long.toString(timeout.toMillis()));
        properties.setProperty(ManagerSettings.POOL_SIZE, Integer.toString(settings.poolSize()));
        properties.setProperty(ManagerSettings.SWEEP_INTERVAL, Long.toString(settings.sweepInterval().toMillis()));
        // Spring's caches hold Objects: the Java codec may read back the application's own classes (and those of
        // pottery.cache.json.allowed-packages), as the JSON codec may, besides the JDK's value types.
        if (!applicationPackages.isEmpty()) {
            properties.setProperty(ManagerSettings.SERIALIZATION_ALLOW,
                    String.join(";", applicationPackages.stream().map(name -> name + ".**").toList()));
        }
        String owner = UUID.randomUUID().toString();
        properties.setProperty(OWNER, owner);
        CacheManager manager = null;
        for (int n = 1; manager == null; n++) {
            CacheManager candidate = provider.getCacheManager(uri(namespace, n), classLoader, properties);
            if (owner.equals(candidate.getProperties().getProperty(OWNER))) {
                manager = candidate;
            }
        }
        if (settings.startup() == PotteryCacheProperties.Startup.CHECK) {
            check(manager, connection);
        }
        return manager;
    }

    private static void check(CacheManager manager, RedisConnection connection) {
        try {
            manager.unwrap(UnifiedJedis.class).ping();
        } catch (RuntimeException e) {
            String address = manager.unwrap(PotteryCacheManager.class).settings().address();
            manager.close();
            throw new RedisUnavailableException(address, connection.source(), e);
        }
    }

    private static URI uri(String namespace, int n) {
        try {
            return new URI("pottery", "spring-boot:" + namespace, n == 1 ? null : Integer.toString(n));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("namespace '" + namespace + "' cannot be part of a URI", e);
        }
    }
}
