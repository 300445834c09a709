package dev.pottery.jcache.configuration;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.cache.CacheException;
import javax.net.ssl.SSLParameters;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Creates the pooled client a cache manager talks through, with bounded timeouts everywhere (connect,
 * socket, and waiting for a pooled connection) so that an unreachable Redis fails fast with a
 * {@link CacheException} instead of hanging.
 *
 * <pre>{@code
 * UnifiedJedis redis = RedisClients.create(settings);
 * }</pre>
 */
public final class RedisClients {

    private RedisClients() {
    }

    /**
     * A client for the settings: the URL's server ({@code redis[s]://[user:password@]host:port[/db]}), or
     * the cluster or sentinel group of {@link RedisTopology}, whose user, password, TLS and database
     * override the URL's. With TLS the server's certificate must be trusted by the JVM's default trust store
     * ({@code javax.net.ssl.trustStore}) and must name the host dialled (as HTTPS checks).
     */
    public static UnifiedJedis create(ManagerSettings settings) {
        RedisTopology topology = settings.topology();
        URI uri = null;
        if (!topology.isCluster() && !topology.isSentinel()) {
            try {
                uri = URI.create(settings.redisUrl());
            } catch (IllegalArgumentException e) {
                // the parser's message (and its cause's) would repeat the URL with its password
                throw new CacheException("not a Redis URL: " + ManagerSettings.withoutUserInfo(settings.redisUrl())
                        + (e.getCause() instanceof java.net.URISyntaxException syntax ? " (" + syntax.getReason()
                        + " at index " + syntax.getIndex() + ")" : ""));
            }
            if (uri.getHost() == null) {
                throw new CacheException("Redis URL has no host: " + ManagerSettings.withoutUserInfo(settings.redisUrl()));
            }
        }
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(settings.timeoutMillis())
                .socketTimeoutMillis(settings.timeoutMillis())
                .ssl(topology.ssl() != null ? topology.ssl() : uri != null && "rediss".equalsIgnoreCase(uri.getScheme()));
        if (uri != null) {
            fromUrl(uri, config);
        }
        if (topology.ssl() != null ? topology.ssl() : uri != null && "rediss".equalsIgnoreCase(uri.getScheme())) {
            // Check that the certificate names the host we dialled, as HTTPS does; Jedis does not by default.
            SSLParameters tls = new SSLParameters();
            tls.setEndpointIdentificationAlgorithm("HTTPS");
            config.sslParameters(tls);
        }
        if (topology.database() != null) {
            config.database(topology.database());
        }
        if (topology.user() != null) {
            config.user(topology.user());
        }
        if (topology.password() != null) {
            config.password(topology.password());
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMaxWait(Duration.ofMillis(settings.timeoutMillis()));
        pool.setJmxEnabled(false);
        try {
            if (topology.isCluster()) {
                return RedisClusterClient.builder().nodes(hosts(topology.clusterNodes()))
                        .clientConfig(config.build()).poolConfig(pool).build();
            }
            if (topology.isSentinel()) {
                // Sentinels take no database and, usually, none of the master's credentials.
                JedisClientConfig sentinelConfig = DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(settings.timeoutMillis())
                        .socketTimeoutMillis(settings.timeoutMillis())
                        .ssl(topology.ssl() != null && topology.ssl()).build();
                return RedisSentinelClient.builder().masterName(topology.sentinelMaster())
                        .sentinels(hosts(topology.sentinelNodes())).sentinelClientConfig(sentinelConfig)
                        .clientConfig(config.build()).poolConfig(pool).build();
            }
        } catch (JedisException e) {
            // Cluster and sentinel clients connect while they are built (to learn the topology).
            throw new CacheException("cannot connect to Redis " + settings.address() + ": " + e.getMessage(), e);
        }
        return RedisClient.builder()
                .hostAndPort(uri.getHost(), uri.getPort() < 0 ? redis.clients.jedis.Protocol.DEFAULT_PORT : uri.getPort())
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
    }

    private static void fromUrl(URI uri, DefaultJedisClientConfig.Builder config) {
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                config.database(Integer.parseInt(path.substring(1)));
            } catch (NumberFormatException e) {
                throw new CacheException("Redis URL database must be a number: " + path);
            }
        }
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                config.password(userInfo);
            } else {
                if (colon > 0) {
                    config.user(userInfo.substring(0, colon));
                }
                config.password(userInfo.substring(colon + 1));
            }
        }
    }

    private static Set<HostAndPort> hosts(List<String> nodes) {
        Set<HostAndPort> hosts = new LinkedHashSet<>();
        for (String node : nodes) {
            hosts.add(HostAndPort.from(node));
        }
        return hosts;
    }
}
