package dev.pottery.spring.boot;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.jcache.configuration.RedisTopology;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Where Redis is, read from Spring Boot's {@code spring.data.redis.*} the way Spring Boot reads it, as the
 * manager properties of Pottery's JCache provider ({@link ManagerSettings}, {@link RedisTopology}).
 *
 * <pre>{@code
 * spring.data.redis.url=rediss://app:secret@cache-host:6380/2     -> pottery.redis.url (TLS, database 2)
 * spring.data.redis.host=cache-host, .port=6380, .password=...    -> the same, from the parts
 * spring.data.redis.sentinel.master=mymaster, .nodes=h1:26379,... -> pottery.redis.sentinel.*
 * spring.data.redis.cluster.nodes=h1:7000,h2:7000                 -> pottery.redis.cluster.nodes
 * }</pre>
 *
 * <p>As in Spring Boot: sentinel settings win over cluster settings, which win over a single server; a URL
 * wins over host, port, user name, password and database; TLS is on with {@code ssl.enabled} or a
 * {@code rediss} URL. Not supported yet (each fails at startup naming the property): an SSL bundle
 * ({@code spring.data.redis.ssl.bundle}; Pottery uses the JVM's default trust store) and credentials for the
 * sentinels themselves ({@code spring.data.redis.sentinel.username}, {@code .password}).
 *
 * @param properties the manager properties
 * @param source which Spring properties named the server, for messages
 */
record RedisConnection(Properties properties, String source) {

    private static final String PREFIX = "spring.data.redis.";

    /** The connection Spring Boot's Redis properties describe. */
    static RedisConnection of(RedisProperties redis) {
        refuseUnsupported(redis);
        Properties properties = new Properties();
        Credentials credentials = Credentials.of(redis);
        String source;
        if (redis.getSentinel() != null) {
            RedisProperties.Sentinel sentinel = redis.getSentinel();
            properties.setProperty(RedisTopology.SENTINEL_MASTER, required(sentinel.getMaster(), "sentinel.master"));
            properties.setProperty(RedisTopology.SENTINEL_NODES, nodes(sentinel.getNodes(), "sentinel.nodes"));
            properties.setProperty(RedisTopology.DATABASE, Integer.toString(credentials.database()));
            source = PREFIX + "sentinel.*";
        } else if (redis.getCluster() != null) {
            properties.setProperty(RedisTopology.CLUSTER_NODES, nodes(redis.getCluster().getNodes(), "cluster.nodes"));
            source = PREFIX + "cluster.nodes";
        } else if (redis.getUrl() != null) {
            properties.setProperty(ManagerSettings.URL, redis.getUrl());
            source = PREFIX + "url";
        } else {
            properties.setProperty(ManagerSettings.URL, "redis://" + hostForUrl(redis.getHost()) + ":" + redis.getPort());
            properties.setProperty(RedisTopology.DATABASE, Integer.toString(redis.getDatabase()));
            source = PREFIX + "host and " + PREFIX + "port";
        }
        if (redis.getUrl() == null || redis.getSentinel() != null || redis.getCluster() != null) {
            // A URL of a single server carries its own credentials; elsewhere they are separate properties.
            if (credentials.user() != null) {
                properties.setProperty(RedisTopology.USER, credentials.user());
            }
            if (credentials.password() != null) {
                properties.setProperty(RedisTopology.PASSWORD, credentials.password());
            }
        }
        if (redis.getSsl().isEnabled() || credentials.tls()) {
            properties.setProperty(RedisTopology.SSL, "true");
        }
        return new RedisConnection(properties, source);
    }

    private static void refuseUnsupported(RedisProperties redis) {
        if (redis.getSsl().getBundle() != null) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + "ssl.bundle", redis.getSsl().getBundle(),
                    "Pottery's caches do not support SSL bundles yet: they use TLS with the JVM's default trust"
                            + " store. Set " + PREFIX + "ssl.enabled=true and put the server's certificate"
                            + " authority in the JVM's trust store (javax.net.ssl.trustStore).");
        }
        RedisProperties.Sentinel sentinel = redis.getSentinel();
        if (sentinel != null && (sentinel.getUsername() != null || sentinel.getPassword() != null)) {
            throw new InvalidConfigurationPropertyValueException(
                    PREFIX + (sentinel.getPassword() != null ? "sentinel.password" : "sentinel.username"), "******",
                    "Pottery's caches reach the sentinels without credentials (only the master's user name and"
                            + " password are used, from " + PREFIX + "username and " + PREFIX + "password).");
        }
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + property, value,
                    "it is required with the other " + PREFIX + "sentinel.* properties");
        }
        return value;
    }

    private static String nodes(List<String> nodes, String property) {
        if (nodes == null || nodes.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException(PREFIX + property, null,
                    "at least one host:port is needed");
        }
        return String.join(",", nodes);
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** User, password, database and TLS: from the URL when there is one, else from their own properties. */
    private record Credentials(String user, String password, int database, boolean tls) {

        static Credentials of(RedisProperties redis) {
            if (redis.getUrl() == null) {
                return new Credentials(redis.getUsername(), redis.getPassword(), redis.getDatabase(), false);
            }
            URI uri;
            try {
                uri = new URI(redis.getUrl());
            } catch (URISyntaxException e) {
                throw new InvalidConfigurationPropertyValueException(PREFIX + "url",
                        ManagerSettings.withoutUserInfo(redis.getUrl()), "not a Redis URL: " + e.getReason());
            }
            String user = null;
            String password = null;
            String userInfo = uri.getUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                if (colon < 0) {
                    password = userInfo;
                } else {
                    user = colon > 0 ? userInfo.substring(0, colon) : null;
                    password = userInfo.substring(colon + 1);
                }
            }
            String path = uri.getPath();
            int database = path == null || path.length() <= 1 ? redis.getDatabase() : parseDatabase(path.substring(1));
            return new Credentials(user, password, database, "rediss".equalsIgnoreCase(uri.getScheme()));
        }

        private static int parseDatabase(String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationPropertyValueException(PREFIX + "url", "…/" + text,
                        "the path of a Redis URL is the database number");
            }
        }
    }
}
