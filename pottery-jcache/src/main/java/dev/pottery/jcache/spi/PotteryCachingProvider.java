package dev.pottery.jcache.spi;

import dev.pottery.jcache.PotteryCacheManager;
import dev.pottery.jcache.configuration.CacheSpec;
import dev.pottery.jcache.configuration.ConfigFile;
import dev.pottery.jcache.configuration.ConfigSource;
import dev.pottery.jcache.configuration.ManagerSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;
import redis.clients.jedis.UnifiedJedis;

/**
 * The JSR-107 {@link CachingProvider} of Pottery: cache managers whose caches live in Redis.
 *
 * <pre>{@code
 * CachingProvider provider = Caching.getCachingProvider();          // finds this class
 * CacheManager byUrl = provider.getCacheManager(URI.create("redis://cache-host:6379/2"), null);
 *
 * PotteryCachingProvider.register(URI.create("pottery:orders"), myClusterClient);   // a ready client
 * CacheManager byClient = provider.getCacheManager(URI.create("pottery:orders"), null);
 *
 * // a configuration file (classpath:, file: or any URL of a .properties file): server and caches
 * CacheManager byFile = provider.getCacheManager(URI.create("classpath:pottery-cache.properties"), null);
 * }</pre>
 *
 * <p>Managers are kept per (URI, class loader) until closed. The default URI is the Redis URL from the
 * system property {@code pottery.redis.url}, else the environment variable {@code REDIS_URL}, else
 * {@code redis://localhost} on Redis's standard port (without user name and password). Store-by-reference is not supported:
 * every cache stores serialized copies.
 */
public final class PotteryCachingProvider implements CachingProvider {

    private static final Map<URI, UnifiedJedis> REGISTERED = new ConcurrentHashMap<>();

    private final Map<ClassLoader, Map<URI, PotteryCacheManager>> managers = new WeakHashMap<>();

    /** Makes managers with this URI use {@code client} (which the caller keeps and closes). */
    public static void register(URI uri, UnifiedJedis client) {
        REGISTERED.put(uri, client);
    }

    /** Forgets a client registered for {@code uri}. */
    public static void unregister(URI uri) {
        REGISTERED.remove(uri);
    }

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
        URI managerUri = uri == null ? getDefaultURI() : uri;
        ClassLoader loader = classLoader == null ? getDefaultClassLoader() : classLoader;
        Properties props = properties == null ? new Properties() : properties;
        synchronized (managers) {
            Map<URI, PotteryCacheManager> byUri = managers.computeIfAbsent(loader, l -> new HashMap<>());
            PotteryCacheManager manager = byUri.get(managerUri);
            if (manager == null || manager.isClosed()) {
                manager = ConfigSource.isConfigFile(managerUri)
                        ? fromFile(managerUri, loader, props)
                        : new PotteryCacheManager(this, managerUri, loader, props, REGISTERED.get(managerUri), this::release);
                byUri.put(managerUri, manager);
            }
            return manager;
        }
    }

    /**
     * A manager from a configuration file: its manager properties (those passed in win), then every cache it
     * declares, created before the manager is handed out. A bad file fails here, naming file and property.
     */
    private PotteryCacheManager fromFile(URI uri, ClassLoader loader, Properties passed) {
        ConfigFile file = ConfigFile.load(uri, loader);
        Properties merged = new Properties();
        merged.putAll(file.managerProperties());
        merged.putAll(passed);
        PotteryCacheManager manager = new PotteryCacheManager(this, uri, loader, merged, REGISTERED.get(uri),
                this::release);
        try {
            for (CacheSpec cache : file.caches()) {
                manager.createCache(cache.name(), cache.configuration());
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        return manager;
    }

    @Override
    public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
        return getCacheManager(uri, classLoader, getDefaultProperties());
    }

    @Override
    public CacheManager getCacheManager() {
        return getCacheManager(getDefaultURI(), getDefaultClassLoader());
    }

    @Override
    public ClassLoader getDefaultClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public URI getDefaultURI() {
        return URI.create(ManagerSettings.withoutUserInfo(ManagerSettings.defaultRedisUrl()));
    }

    @Override
    public Properties getDefaultProperties() {
        return new Properties();
    }

    @Override
    public void close() {
        for (PotteryCacheManager manager : all(null, null)) {
            manager.close();
        }
    }

    @Override
    public void close(ClassLoader classLoader) {
        for (PotteryCacheManager manager : all(classLoader == null ? getDefaultClassLoader() : classLoader, null)) {
            manager.close();
        }
    }

    @Override
    public void close(URI uri, ClassLoader classLoader) {
        for (PotteryCacheManager manager : all(classLoader == null ? getDefaultClassLoader() : classLoader,
                uri == null ? getDefaultURI() : uri)) {
            manager.close();
        }
    }

    @Override
    public boolean isSupported(OptionalFeature optionalFeature) {
        return false;
    }

    /** Forgets a manager that closed. */
    private void release(PotteryCacheManager manager) {
        synchronized (managers) {
            Map<URI, PotteryCacheManager> byUri = managers.get(manager.getClassLoader());
            if (byUri != null && byUri.get(manager.getURI()) == manager) {
                byUri.remove(manager.getURI());
                if (byUri.isEmpty()) {
                    managers.remove(manager.getClassLoader());
                }
            }
        }
    }

    private List<PotteryCacheManager> all(ClassLoader loader, URI uri) {
        List<PotteryCacheManager> found = new ArrayList<>();
        synchronized (managers) {
            for (Map.Entry<ClassLoader, Map<URI, PotteryCacheManager>> entry : managers.entrySet()) {
                if (loader != null && entry.getKey() != loader) {
                    continue;
                }
                for (PotteryCacheManager manager : entry.getValue().values()) {
                    if (uri == null || manager.getURI().equals(uri)) {
                        found.add(manager);
                    }
                }
            }
        }
        return found;
    }
}
