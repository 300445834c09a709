package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.NotEnoughReplicasException;
import dev.pottery.codec.Codec;
import dev.pottery.internal.ReplicaWait;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * Configures a {@link RedisMap}: key, codecs, optional initial data and optional durability.
 *
 * <pre>{@code
 * RedisMap<String, Order> orders = RedisMap.builder(redis).key("orders")
 *         .keyCodec(JsonCodec.of(String.class)).valueCodec(JsonCodec.of(Order.class)).build();
 * }</pre>
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public final class RedisMapBuilder<K, V> {

    private final UnifiedJedis redis;
    private final String key;
    private final Codec<K> keyCodec;
    private final Codec<V> valueCodec;
    private final Map<? extends K, ? extends V> initial;
    private final ReplicaWait durability;

    RedisMapBuilder(UnifiedJedis redis, String key, Codec<K> keyCodec, Codec<V> valueCodec,
            Map<? extends K, ? extends V> initial, ReplicaWait durability) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.key = key;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.initial = initial;
        this.durability = durability;
    }

    /** The Redis key; without one (or with null) a random temporary key is used. */
    public RedisMapBuilder<K, V> key(String key) {
        return new RedisMapBuilder<>(redis, key, keyCodec, valueCodec, initial, durability);
    }

    /** The codec of map keys; set codecs before {@link #initialData}. */
    public <K2> RedisMapBuilder<K2, V> keyCodec(Codec<K2> codec) {
        return new RedisMapBuilder<>(redis, key, Objects.requireNonNull(codec, "codec"), valueCodec, null, durability);
    }

    /** The codec of map values; set codecs before {@link #initialData}. */
    public <V2> RedisMapBuilder<K, V2> valueCodec(Codec<V2> codec) {
        return new RedisMapBuilder<>(redis, key, keyCodec, Objects.requireNonNull(codec, "codec"), null, durability);
    }

    /**
     * Data to create the map with; {@link #build()} then throws {@link KeyExistsException} if the key
     * already exists (when the data is not empty).
     */
    public RedisMapBuilder<K, V> initialData(Map<? extends K, ? extends V> data) {
        return new RedisMapBuilder<>(redis, key, keyCodec, valueCodec, Objects.requireNonNull(data, "data"),
                durability);
    }

    /**
     * Makes every write of the map wait until {@code replicas} replicas of the key's master have it:
     * the write and a {@code WAIT replicas timeout} go in one pipeline on one connection (WAIT counts
     * only its own connection's writes). A write that fewer replicas confirm within {@code timeout}
     * throws {@link NotEnoughReplicasException}; it is then applied on the master but not rolled back.
     * Each write costs the replication delay on top of its round trip (at most {@code timeout}), and
     * an acknowledged write survives the failover to any replica that confirmed it; a write still in
     * flight, or one that threw, may be lost. Reads are unchanged. Use it with Sentinel, or with
     * Redis Cluster masters that have replicas.
     *
     * @throws IllegalArgumentException if {@code replicas} is below 1 or {@code timeout} below 1 ms
     */
    public RedisMapBuilder<K, V> waitForReplicas(int replicas, Duration timeout) {
        return new RedisMapBuilder<>(redis, key, keyCodec, valueCodec, initial, ReplicaWait.of(replicas, timeout));
    }

    /**
     * Opens (or creates) the map.
     *
     * @throws KeyExistsException if initial data was given and the key exists
     */
    public RedisMap<K, V> build() {
        RedisMap<K, V> map = new RedisMap<>(redis, key, keyCodec, valueCodec, durability);
        if (initial != null) {
            map.create(initial);
        }
        return map;
    }
}
