package dev.pottery.jcache.configuration;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import javax.cache.CacheException;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Creates the pooled client a cache manager talks through (a cluster client when the settings say
 * {@link ManagerSettings#cluster()}), with bounded timeouts everywhere (connect,
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

    /** A client for the settings' URL: {@code redis[s]://[user:password@]host:port[/db]}. */
    public static UnifiedJedis create(ManagerSettings settings) {
        URI uri;
        try {
            uri = URI.create(settings.redisUrl());
        } catch (IllegalArgumentException e) {
            throw new CacheException("not a Redis URL: " + ManagerSettings.withoutUserInfo(settings.redisUrl()), e);
        }
        if (uri.getHost() == null) {
            throw new CacheException("Redis URL has no host: " + ManagerSettings.withoutUserInfo(settings.redisUrl()));
        }
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(settings.timeoutMillis())
                .socketTimeoutMillis(settings.timeoutMillis())
                .ssl("rediss".equalsIgnoreCase(uri.getScheme()));
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
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMaxWait(Duration.ofMillis(settings.timeoutMillis()));
        pool.setJmxEnabled(false);
        HostAndPort node = new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
        if (settings.cluster()) {
            // The URL names one node; the cluster client learns the others (and the slots) from it.
            return RedisClusterClient.builder()
                    .nodes(Set.of(node))
                    .clientConfig(config.build())
                    .poolConfig(pool)
                    .build();
        }
        return RedisClient.builder()
                .hostAndPort(node)
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
    }
}
