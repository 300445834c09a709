package dev.pottery.jcache.configuration;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * The settings of one cache manager, read from its URI and properties, with defaults from the system
 * property {@value #URL} and the environment variable {@code REDIS_URL}.
 *
 * <pre>{@code
 * Properties p = new Properties();
 * p.setProperty(ManagerSettings.NAMESPACE, "shop");
 * CacheManager manager = provider.getCacheManager(URI.create("redis://cache-host:6379/0"), null, p);
 * }</pre>
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><td>{@value #URL}</td><td>the Redis URL, when the manager URI is not itself a redis:// or
 *       rediss:// URL (default: system property, then REDIS_URL, then localhost on Redis's standard port)</td></tr>
 *   <tr><td>{@value #CLIENT}</td><td>a ready {@link UnifiedJedis} object to use (the manager does not
 *       close it)</td></tr>
 *   <tr><td>{@value #KEY_PREFIX}</td><td>first part of every key (default {@code pottery:jcache})</td></tr>
 *   <tr><td>{@value #NAMESPACE}</td><td>second part; managers with the same namespace on the same server
 *       share caches (default {@code default} for a Redis URL URI, else the URI as {@link #shown(URI)}
 *       shows it)</td></tr>
 *   <tr><td>{@value #TIMEOUT}</td><td>connect and socket timeout in ms (default 2000)</td></tr>
 *   <tr><td>{@value #POOL_SIZE}</td><td>maximum pooled connections (default 16)</td></tr>
 *   <tr><td>{@value #SWEEP_INTERVAL}</td><td>how often expired entries are reclaimed in the background,
 *       in ms (default 1000; 0 disables)</td></tr>
 *   <tr><td>{@value #SERIALIZATION_ALLOW}</td><td>classes the default codec (Java serialization) may decode
 *       beyond the JDK's value types and each cache's declared key and value types: patterns in
 *       {@link java.io.ObjectInputFilter} syntax, separated by {@code ,} or {@code ;} (e.g.
 *       {@code com.example.model.*,com.example.Order}); default: the system property of the same name, else
 *       none. See {@link dev.pottery.codec.SerializingCodec}</td></tr>
 *   <tr><td>{@value #CLUSTER}</td><td>{@code true} when the URL names a node of a Redis Cluster: the
 *       manager then opens a cluster client seeded with that node (default: the system property of the
 *       same name, else false)</td></tr>
 *   <tr><td>{@code pottery.redis.cluster.nodes}, {@code .sentinel.nodes}, {@code .sentinel.master},
 *       {@code .user}, {@code .password}, {@code .ssl}, {@code .database}</td><td>see
 *       {@link RedisTopology}</td></tr>
 * </table>
 *
 * @param redisUrl the Redis URL to connect to
 * @param client a client handed in, or null to create one from the URL
 * @param keyPrefix the key prefix
 * @param namespace the namespace
 * @param timeoutMillis connect and socket timeout
 * @param poolSize maximum pooled connections
 * @param sweepIntervalMillis background expiry sweep interval (0 = none)
 * @param topology cluster or sentinel nodes, credentials, TLS and database beyond the URL
 * @param serializationAllow allow patterns of the default codec's deserialization filter
 */
public record ManagerSettings(String redisUrl, UnifiedJedis client, String keyPrefix, String namespace,
                              int timeoutMillis, int poolSize, long sweepIntervalMillis, RedisTopology topology,
                              List<String> serializationAllow) {

    /** Property naming the Redis URL; also read as a system property for the default. */
    public static final String URL = "pottery.redis.url";
    /** Property holding a ready {@link UnifiedJedis}. */
    public static final String CLIENT = "pottery.redis.client";
    /** Property naming the key prefix. */
    public static final String KEY_PREFIX = "pottery.key.prefix";
    /** Property naming the namespace. */
    public static final String NAMESPACE = "pottery.namespace";
    /** Property giving the timeout in milliseconds. */
    public static final String TIMEOUT = "pottery.timeout.millis";
    /** Property giving the connection pool size. */
    public static final String POOL_SIZE = "pottery.pool.size";
    /** Property giving the background sweep interval in milliseconds. */
    public static final String SWEEP_INTERVAL = "pottery.sweep.interval.millis";
    /**
     * Property (or system property) that, when {@code true}, makes the URL's host the seed node of a Redis
     * Cluster: the cluster client learns the other nodes and the slots from it.
     */
    public static final String CLUSTER = "pottery.redis.cluster";
    /**
     * Property (or system property) listing what the default codec may deserialize beyond the JDK's value
     * types and the caches' declared types, in {@link java.io.ObjectInputFilter} pattern syntax.
     */
    public static final String SERIALIZATION_ALLOW = "pottery.serialization.allow";

    /** The port of a URL that names none: Redis's standard port. */
    private static final int DEFAULT_PORT = Protocol.DEFAULT_PORT;
    /** The URL used when nothing else names one: Redis on this host's standard port, as Jedis assumes. */
    private static final String LOCAL_URL = "redis://localhost:" + DEFAULT_PORT;
    /** The user information of a URL-like text: from {@code //} to the last {@code @} before a path. */
    /** A query parameter whose name says it holds a secret, up to its value. */
    private static final java.util.regex.Pattern SECRET_PARAMETER = java.util.regex.Pattern.compile(
            "(?i)([?&;][^=&;#]*(?:pass|pwd|secret|token|auth|credential|key)[^=&;#]*=)[^&;#]*");
    /** The user information of any URL within free text. */
    private static final java.util.regex.Pattern ANY_USER_INFO = java.util.regex.Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\\s@]*@");
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile(
            "(^[^/@]*//|^[A-Za-z][A-Za-z0-9+.-]*:)[^@]*@");

    /** The Redis URL used when nothing else names one. */
    public static String defaultRedisUrl() {
        String url = System.getProperty(URL);
        if (url == null || url.isBlank()) {
            url = System.getenv("REDIS_URL");
        }
        return url == null || url.isBlank() ? LOCAL_URL : url.trim();
    }

    /** Whether a URI is a Redis URL (redis:// or rediss://). */
    public static boolean isRedisUrl(URI uri) {
        String scheme = uri.getScheme();
        return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("redis")
                || scheme.toLowerCase(Locale.ROOT).equals("rediss"));
    }

    /** Copies the allow list. */
    public ManagerSettings {
        serializationAllow = List.copyOf(serializationAllow);
    }

    /** Reads the settings for a manager with this URI and these properties (client from the registry if any). */
    public static ManagerSettings of(URI uri, Properties properties, UnifiedJedis registered) {
        Object handedIn = properties.get(CLIENT);
        UnifiedJedis client = handedIn instanceof UnifiedJedis jedis ? jedis : registered;
        String url = properties.getProperty(URL);
        if (url == null) {
            url = isRedisUrl(uri) && !withoutUserInfo(defaultRedisUrl()).equals(uri.toString())
                    ? uri.toString() : defaultRedisUrl();
        }
        // A configuration file's path says nothing about which caches to share, so it gets the same default
        // namespace as a Redis URL: two applications with the same file share caches. Another URI is the
        // namespace as it may be shown: it goes into every Redis key, so no user info and no secret-looking
        // query parameter's value (pottery:orders?token=*** for pottery:orders?token=s3cret).
        String namespace = properties.getProperty(NAMESPACE,
                isRedisUrl(uri) || ConfigSource.isConfigFile(uri) ? "default" : shown(uri.toString()));
        return new ManagerSettings(url, client,
                properties.getProperty(KEY_PREFIX, "pottery:jcache"),
                namespace,
                intProperty(properties, TIMEOUT, 2000),
                intProperty(properties, POOL_SIZE, 16),
                intProperty(properties, SWEEP_INTERVAL, 1000),
                topology(properties, url),
                checkedAllowPatterns(properties.getProperty(SERIALIZATION_ALLOW, System.getProperty(SERIALIZATION_ALLOW))));
    }

    private static List<String> checkedAllowPatterns(String text) {
        List<String> patterns = allowPatterns(text);
        try {
            dev.pottery.codec.SerializingCodec.create().allowPatterns(patterns);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("property " + SERIALIZATION_ALLOW + ": " + e.getMessage(), e);
        }
        return patterns;
    }

    /** The patterns of a {@value #SERIALIZATION_ALLOW} value, separated by commas or semicolons. */
    public static List<String> allowPatterns(String text) {
        List<String> patterns = new java.util.ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,;]")) {
                if (!part.isBlank()) {
                    patterns.add(part.trim());
                }
            }
        }
        return List.copyOf(patterns);
    }

    private static RedisTopology topology(Properties properties, String url) {
        RedisTopology topology = RedisTopology.of(properties);
        boolean urlIsClusterNode = Boolean.parseBoolean(
                properties.getProperty(CLUSTER, System.getProperty(CLUSTER, "false")).trim());
        if (!urlIsClusterNode || topology.isCluster()) {
            return topology;
        }
        if (topology.isSentinel()) {
            throw new IllegalArgumentException(CLUSTER + "=true cannot be combined with " + RedisTopology.SENTINEL_NODES);
        }
        URI node = URI.create(url);
        return topology.withClusterNodes(List.of(node.getHost() + ":" + (node.getPort() < 0 ? DEFAULT_PORT : node.getPort())));
    }

    /**
     * The URL or URI without user name and password, safe to show (and to use as a manager URI); null stays
     * null. Text that is not a valid URI with a host loses everything between {@code //} (or its scheme's
     * {@code :}) and its last {@code @} all the same.
     */
    public static String withoutUserInfo(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null && uri.getRawUserInfo() != null) {
                return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                        uri.getFragment()).toString();
            }
            if (uri.getHost() != null || !url.contains("@")) {
                return url;
            }
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            // not a URI: cut the user information out of the text below
        }
        // A password a URL should have percent-encoded ('#', '?', '/', '@' in it) or a scheme written without
        // its ':' leaves no host to parse: everything up to the last '@' goes.
        return USER_INFO.matcher(url).replaceFirst("$1");
    }

    /** A manager URI as it may be shown: see {@link #shown(String)}. */
    public static String shown(URI uri) {
        return uri == null ? "null" : shown(uri.toString());
    }

    /**
     * A URI or URL as it may be shown in messages, MBean names and metric tags: without user name and
     * password, and with the value of any query parameter that looks like a secret ({@code password},
     * {@code pass}, {@code pwd}, {@code secret}, {@code token}, {@code auth}...) replaced by {@code ***}.
     */
    public static String shown(String uri) {
        String text = withoutUserInfo(uri);
        return text == null ? null : SECRET_PARAMETER.matcher(text).replaceAll("$1***");
    }

    /**
     * Free text (an exception's message) with the user information of every URL in it removed, e.g.
     * {@code "cannot open https://u:p@host/f"} becomes {@code "cannot open https://host/f"}.
     */
    public static String shownWithin(String text) {
        return text == null ? null : ANY_USER_INFO.matcher(text).replaceAll("$1");
    }

    /** Never prints the password (in the URL or the topology) or the client. */
    @Override
    public String toString() {
        return "ManagerSettings[url=" + withoutUserInfo(redisUrl) + ", address=" + address()
                + (client == null ? "" : ", client handed in") + ", keyPrefix=" + keyPrefix + ", namespace="
                + shown(namespace) + ", timeoutMillis=" + timeoutMillis + ", poolSize=" + poolSize + ", sweepIntervalMillis="
                + sweepIntervalMillis + ", topology=" + topology + ", serializationAllow=" + serializationAllow + "]";
    }

    /** Host and port for messages (no credentials); for a cluster or sentinel group, its nodes. */
    public String address() {
        if (topology.isCluster()) {
            return "cluster " + String.join(",", topology.clusterNodes());
        }
        if (topology.isSentinel()) {
            return "sentinel master " + topology.sentinelMaster() + " via " + String.join(",", topology.sentinelNodes());
        }
        try {
            URI uri = URI.create(redisUrl);
            return uri.getHost() + ":" + (uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort());
        } catch (IllegalArgumentException e) {
            return withoutUserInfo(redisUrl);
        }
    }

    static int intProperty(Properties properties, String name, int fallback) {
        String text = properties.getProperty(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + name + " must be an integer, not '" + text + "'", e);
        }
    }
}
