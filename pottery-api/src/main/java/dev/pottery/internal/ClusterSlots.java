package dev.pottery.internal;

import java.util.Collection;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Whether several keys may go into one Redis command or script on a given client. On a cluster client
 * only keys of one hash slot may (Jedis refuses others before sending, Redis would answer CROSSSLOT);
 * on any other client every key may. Operations across user keys ask this first and, when the answer
 * is no, take a client-side path instead of surfacing a cross-slot error.
 *
 * <pre>{@code
 * if (ClusterSlots.oneCommandMayTouch(redis, List.of(source, destination))) {
 *     redis.sunionstore(destination, source);
 * }
 * }</pre>
 */
public final class ClusterSlots {

    private ClusterSlots() {
    }

    /** Whether {@code redis} routes commands by hash slot (a Redis Cluster client). */
    @SuppressWarnings("deprecation") // JedisCluster is deprecated in Jedis 8, but users may still hand one in
    public static boolean isCluster(UnifiedJedis redis) {
        return redis instanceof RedisClusterClient || redis instanceof JedisCluster;
    }

    /** The hash slot of a key: CRC16 of the key, or of its first non-empty {@code {tag}}, modulo 16384. */
    public static int slot(byte[] key) {
        return JedisClusterCRC16.getSlot(key);
    }

    /** Whether one command or script on {@code redis} may touch all of {@code keys}. */
    public static boolean oneCommandMayTouch(UnifiedJedis redis, Collection<byte[]> keys) {
        if (!isCluster(redis) || keys.isEmpty()) {
            return true;
        }
        int slot = slot(keys.iterator().next());
        for (byte[] key : keys) {
            if (slot(key) != slot) {
                return false;
            }
        }
        return true;
    }
}
