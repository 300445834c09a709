package dev.pottery.jcache.configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * How to reach Redis beyond a single URL: a cluster's seed nodes or a sentinel group, and credentials, TLS
 * and database that override what the URL says. Read from manager properties (or a configuration file).
 *
 * <pre>{@code
 * pottery.redis.cluster.nodes = 10.0.0.1:7000,10.0.0.2:7000
 * pottery.redis.password = ${REDIS_PASSWORD}
 * pottery.redis.ssl = true
 * }</pre>
 *
 * @param clusterNodes cluster seed nodes ({@code host:port}); empty for no cluster
 * @param sentinelNodes sentinels ({@code host:port}); empty for no sentinel
 * @param sentinelMaster the master name the sentinels monitor, or null
 * @param user user name, or null for the URL's
 * @param password password, or null for the URL's
 * @param ssl TLS on or off, or null for the URL's scheme ({@code rediss} = on)
 * @param database database number, or null for the URL's
 */
public record RedisTopology(List<String> clusterNodes, List<String> sentinelNodes, String sentinelMaster,
                            String user, String password, Boolean ssl, Integer database) {

    /** Property listing cluster seed nodes. */
    public static final String CLUSTER_NODES = "pottery.redis.cluster.nodes";
    /** Property listing sentinels. */
    public static final String SENTINEL_NODES = "pottery.redis.sentinel.nodes";
    /** Property naming the master the sentinels monitor. */
    public static final String SENTINEL_MASTER = "pottery.redis.sentinel.master";
    /** Property naming the Redis user (ACL). */
    public static final String USER = "pottery.redis.user";
    /** Property giving the Redis password. */
    public static final String PASSWORD = "pottery.redis.password";
    /** Property turning TLS on or off. */
    public static final String SSL = "pottery.redis.ssl";
    /** Property giving the database number (standalone and sentinel only). */
    public static final String DATABASE = "pottery.redis.database";

    /** Reads the topology from manager properties. */
    public static RedisTopology of(Properties properties) {
        String ssl = properties.getProperty(SSL);
        String database = properties.getProperty(DATABASE);
        RedisTopology topology = new RedisTopology(nodes(properties.getProperty(CLUSTER_NODES)),
                nodes(properties.getProperty(SENTINEL_NODES)), properties.getProperty(SENTINEL_MASTER),
                properties.getProperty(USER), properties.getProperty(PASSWORD),
                ssl == null ? null : Boolean.valueOf(ssl.trim()),
                database == null ? null : parseDatabase(database));
        if (!topology.clusterNodes.isEmpty() && !topology.sentinelNodes.isEmpty()) {
            throw new IllegalArgumentException("give either " + CLUSTER_NODES + " or " + SENTINEL_NODES + ", not both");
        }
        if (!topology.sentinelNodes.isEmpty() && topology.sentinelMaster == null) {
            throw new IllegalArgumentException(SENTINEL_NODES + " needs " + SENTINEL_MASTER);
        }
        return topology;
    }

    /** The same topology with the given cluster seed nodes. */
    public RedisTopology withClusterNodes(List<String> nodes) {
        return new RedisTopology(List.copyOf(nodes), sentinelNodes, sentinelMaster, user, password, ssl, database);
    }

    /** Shows everything but the password (only whether one is set). */
    @Override
    public String toString() {
        return "RedisTopology[clusterNodes=" + clusterNodes + ", sentinelNodes=" + sentinelNodes + ", sentinelMaster="
                + sentinelMaster + ", user=" + user + ", password=" + (password == null ? "none" : "(set)")
                + ", ssl=" + ssl + ", database=" + database + "]";
    }

    /** Whether the client is a cluster client. */
    public boolean isCluster() {
        return !clusterNodes.isEmpty();
    }

    /** Whether the client finds its master through sentinels. */
    public boolean isSentinel() {
        return !sentinelNodes.isEmpty();
    }

    private static List<String> nodes(String text) {
        List<String> nodes = new ArrayList<>();
        if (text != null) {
            for (String node : text.split(",")) {
                if (!node.isBlank()) {
                    nodes.add(node.trim());
                }
            }
        }
        return List.copyOf(nodes);
    }

    private static Integer parseDatabase(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + DATABASE + " must be an integer, not '" + text + "'", e);
        }
    }
}
