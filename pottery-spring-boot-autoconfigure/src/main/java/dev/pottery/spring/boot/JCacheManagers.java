package dev.pottery.spring.boot;

import dev.pottery.jcache.PotteryCacheManager;
import dev.pottery.jcache.configuration.LeaseSettings;
import dev.pottery.jcache.configuration.ManagerSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.spi.CachingProvider;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.cache.support.NullValue;
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

    /**
     * Spring's classes that its cache abstraction itself puts in a cache: {@code NullValue} (a cached
     * {@code null} or empty {@code Optional}) and {@code SimpleKey} (the key of a method with no or several
     * parameters), both {@code Serializable}.
     */
    static final List<String> SPRING_CACHE_TYPES = List.of(NullValue.class.getName(), SimpleKey.class.getName());

    private JCacheManagers() {
    }

    /**
     * Opens the manager and, with {@code startup=check}, PINGs Redis (1 round trip).
     *
     * @throws RedisUnavailableException if the check is on and Redis does not answer within the timeout
     */
    static CacheManager open(CachingProvider provider, ClassLoader classLoader, PotteryCacheProperties settings,
                             RedisConnection connection, Duration timeout, String namespace,
                             List<String> applicationPackages) {
        Properties properties = new Properties();
        properties.putAll(connection.properties());
        properties.setProperty(ManagerSettings.NAMESPACE, namespace);
        properties.setProperty(ManagerSettings.KEY_PREFIX, settings.keyPrefix());
        properties.setProperty(ManagerSettings.TIMEOUT, Long.toString(timeout.toMillis()));
        properties.setProperty(ManagerSettings.POOL_SIZE, Integer.toString(settings.poolSize()));
        properties.setProperty(ManagerSettings.SWEEP_INTERVAL, Long.toString(settings.sweepInterval().toMillis()));
        properties.setProperty(LeaseSettings.LEASE_WAIT, Long.toString(settings.leaseWait().toMillis()));
        // Spring's caches hold Objects: the Java codec may read back Spring's own cache classes (the marker of a
        // cached null and the key of a method with several parameters), the application's own classes (and those
        // of pottery.cache.json.allowed-packages), as the JSON codec may, besides the JDK's value types.
        List<String> allowed = new ArrayList<>(SPRING_CACHE_TYPES);
        applicationPackages.forEach(name -> allowed.add(name + ".**"));
        String fromSystem = System.getProperty(ManagerSettings.SERIALIZATION_ALLOW);
        if (fromSystem != null && !fromSystem.isBlank()) {
            allowed.add(fromSystem);
        }
        properties.setProperty(ManagerSettings.SERIALIZATION_ALLOW, String.join(";", allowed));
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
