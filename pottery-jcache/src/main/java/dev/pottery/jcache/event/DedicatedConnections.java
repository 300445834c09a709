package dev.pottery.jcache.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.pool2.PooledObjectFactory;
import org.apache.commons.pool2.impl.GenericObjectPool;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * New connections for a subscription, outside the client's pool: a subscribed connection is held for as
 * long as the subscription lasts, and taking it from the pool would leave a pool of one with none for the
 * caches' commands. Each connection is made by the factory of the client's own pool, so it has the client's
 * address, credentials, TLS, database and timeouts, but the pool neither counts nor lends it.
 *
 * <ul>
 *   <li>{@link RedisClient}: its server;</li>
 *   <li>{@link RedisClusterClient} and {@link JedisCluster}: any node that answers (cluster pub/sub reaches
 *       every node);</li>
 *   <li>{@link RedisSentinelClient}: the current master, asked afresh at each connection, so that after a
 *       failover the subscription follows the new master.</li>
 * </ul>
 */
final class DedicatedConnections {

    private DedicatedConnections() {
    }

    /** A source of new connections for this client, or null for a client type it does not know. */
    static Supplier<Connection> of(UnifiedJedis client) {
        if (client instanceof RedisClient standalone) {
            return () -> make(standalone.getPool());
        }
        if (client instanceof RedisClusterClient cluster) {
            return () -> anyNode(new ArrayList<>(cluster.getClusterNodes().values()));
        }
        if (client instanceof JedisCluster cluster) {
            return () -> anyNode(new ArrayList<>(cluster.getClusterNodes().values()));
        }
        if (client instanceof RedisSentinelClient sentinel) {
            return () -> anyNode(new ArrayList<>(sentinel.getPrimaryNodesConnectionMap().values()));
        }
        return null;
    }

    private static Connection anyNode(List<? extends GenericObjectPool<Connection>> pools) {
        if (pools.isEmpty()) {
            throw new JedisConnectionException("no Redis node is known");
        }
        Collections.shuffle(pools);
        RuntimeException last = null;
        for (GenericObjectPool<Connection> pool : pools) {
            try {
                return make(pool);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Connection make(GenericObjectPool<Connection> pool) {
        PooledObjectFactory<Connection> factory = pool.getFactory();
        try {
            return factory.makeObject().getObject();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new JedisConnectionException("cannot open a connection for the subscription", e);
        }
    }
}
