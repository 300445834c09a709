package dev.pottery.jcache.configuration;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A Pottery configuration file: the {@code .properties} file a manager URI such as
 * {@code classpath:pottery-cache.properties} names. Manager properties ({@code pottery.*}, the same names
 * {@link ManagerSettings} reads from {@code Properties}) say where Redis is; {@code cache.<name>.<setting>}
 * lines declare caches the manager creates as soon as it opens. Everything is checked here, at open: a bad
 * value or an unknown property is a {@link ConfigFileException} naming the file, line and property.
 *
 * <pre>{@code
 * pottery.redis.url = ${REDIS_URL:redis://cache-host:6379}
 * pottery.namespace = shop
 * cache.books.value-type = com.example.Book
 * cache.books.expiry = created
 * cache.books.expiry-duration = 10m
 * }</pre>
 *
 * @param source the file read
 * @param managerProperties its manager properties, for {@link ManagerSettings}
 * @param caches the caches it declares, in name order
 */
public record ConfigFile(ConfigSource source, Properties managerProperties, List<CacheSpec> caches) {

    /** Property listing caches (comma-separated) that need no setting of their own. */
    public static final String CACHES = "pottery.caches";

    private static final List<String> MANAGER_PROPERTIES = List.of(ManagerSettings.URL, ManagerSettings.KEY_PREFIX,
            ManagerSettings.NAMESPACE, ManagerSettings.TIMEOUT, ManagerSettings.POOL_SIZE,
            ManagerSettings.SWEEP_INTERVAL, ManagerSettings.CLUSTER, RedisTopology.CLUSTER_NODES, RedisTopology.SENTINEL_NODES,
            RedisTopology.SENTINEL_MASTER, RedisTopology.USER, RedisTopology.PASSWORD, RedisTopology.SSL,
            RedisTopology.DATABASE, ManagerSettings.SERIALIZATION_ALLOW, LeaseSettings.LEASE, LeaseSettings.LEASE_WAIT,
            NearCacheSettings.PROPERTY, NearCacheSettings.MAX_AGE_PROPERTY, CACHES);

    /** Reads and checks the file a manager URI names. */
    public static ConfigFile load(URI uri, ClassLoader loader) {
        return of(ConfigSource.read(uri, loader), loader);
    }

    /** Checks a file already read. */
    public static ConfigFile of(ConfigSource source, ClassLoader loader) {
        ConfigValues values = new ConfigValues(source);
        Properties manager = new Properties();
        Map<String, Boolean> cacheNames = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String property : new TreeSet<>(source.values().keySet())) {
            if (MANAGER_PROPERTIES.contains(property)) {
                check(property, values);
                if (!property.equals(CACHES)) {
                    manager.setProperty(property, values.text(property));
                }
            } else if (property.startsWith("cache.") && property.lastIndexOf('.') > "cache.".length()
                    && CacheSpec.SETTINGS.contains(property.substring(property.lastIndexOf('.') + 1))) {
                cacheNames.put(property.substring("cache.".length(), property.lastIndexOf('.')), true);
            } else {
                unknown.add(property);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.get(0);
            throw source.problem(first, "unknown propert" + (unknown.size() == 1 ? "y" : "ies") + " " + unknown
                    + Suggestions.hint(first, MANAGER_PROPERTIES, CacheSpec.SETTINGS)
                    + " (manager properties: " + MANAGER_PROPERTIES + "; cache settings: cache.<name>."
                    + CacheSpec.SETTINGS + ")");
        }
        if (values.text(CACHES) != null) {
            for (String name : values.text(CACHES).split(",")) {
                if (!name.isBlank()) {
                    cacheNames.put(name.trim(), true);
                }
            }
        }
        RedisTopology.of(manager);   // cluster/sentinel combinations are checked with the file named
        List<CacheSpec> caches = new ArrayList<>();
        for (String name : new TreeSet<>(cacheNames.keySet())) {
            caches.add(CacheSpec.read(name, values, loader));
        }
        return new ConfigFile(source, manager, List.copyOf(caches));
    }

    private static void check(String property, ConfigValues values) {
        switch (property) {
            case ManagerSettings.URL -> values.redisUrl(property);
            case ManagerSettings.TIMEOUT, ManagerSettings.POOL_SIZE -> values.integer(property, 1);
            case ManagerSettings.SWEEP_INTERVAL, RedisTopology.DATABASE, LeaseSettings.LEASE_WAIT ->
                    values.integer(property, 0);
            case LeaseSettings.LEASE -> values.integer(property, 100);
            case NearCacheSettings.MAX_AGE_PROPERTY -> values.integer(property, 1);
            case NearCacheSettings.PROPERTY -> {
                try {
                    NearCacheSettings.parse(values.text(property), NearCacheSettings.DEFAULT.maxAgeMillis());
                } catch (IllegalArgumentException e) {
                    throw values.source().problem(property, e.getMessage(), e);
                }
            }
            case RedisTopology.SSL -> values.bool(property);
            case RedisTopology.CLUSTER_NODES, RedisTopology.SENTINEL_NODES -> values.nodes(property);
            case ManagerSettings.SERIALIZATION_ALLOW -> values.allowPatterns(property);
            default -> {
                if (values.text(property).isEmpty() && !property.equals(RedisTopology.PASSWORD)) {
                    throw values.source().problem(property, "is empty");
                }
            }
        }
        if (property.equals(RedisTopology.SENTINEL_NODES) && values.text(RedisTopology.SENTINEL_MASTER) == null) {
            throw values.source().problem(property, "sentinel nodes need " + RedisTopology.SENTINEL_MASTER
                    + " (the name of the monitored master)");
        }
        if (property.equals(RedisTopology.CLUSTER_NODES) && values.text(RedisTopology.SENTINEL_NODES) != null) {
            throw values.source().problem(property, "give either cluster nodes or sentinel nodes, not both");
        }
    }
}
