package dev.pottery.collections.map;

import dev.pottery.KeyExistsException;
import dev.pottery.NotEnoughReplicasException;
import dev.pottery.codec.Codec;
import dev.pottery.collections.KeyedBuilder;
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
public final class RedisMapBuilder<K, V> extends KeyedBuilder<K, RedisMapBuilder<K, V>> {

    private final Codec<V> valueCodec;
    private Map<? extends K, ? extends V> initial;
    private ReplicaWait durability = ReplicaWait.NONE;

    RedisMapBuilder(UnifiedJedis redis, Codec<K> keyCodec, Codec<V> valueCodec) {
        super(redis, keyCodec);
        this.valueCodec = valueCodec;
    }

    /** A builder with the settings of {@code settings} but the given codecs, and no initial data. */
    private RedisMapBuilder(RedisMapBuilder<?, ?> settings, Codec<K> keyCodec, Codec<V> valueCodec) {
        super(settings, keyCodec);
        this.valueCodec = Objects.requireNonNull(valueCodec, "codec");
        this.durability = settings.durability;
    }

    /**
     * The codec of map keys; set codecs before {@link #initialData}, which this discards.
     *
     * @param codec the codec of map keys (hash fields)
     * @param <K2> the new type of keys
     * @return a builder for keys of that type, with this builder's other settings
     */
    public <K2> RedisMapBuilder<K2, V> keyCodec(Codec<K2> codec) {
        return new RedisMapBuilder<>(this, codec, valueCodec);
    }

    /**
     * The codec of map values; set codecs before {@link #initialData}, which this discards.
     *
     * @param codec the codec of map values
     * @param <V2> the new type of values
     * @return a builder for values of that type, with this builder's other settings
     */
    public <V2> RedisMapBuilder<K, V2> valueCodec(Codec<V2> codec) {
        return new RedisMapBuilder<>(this, codec(), codec);
    }

    /**
     * Data to create the map with; {@link #build()} then throws {@link KeyExistsException} if the key
     * already exists (when the data is not empty).
     *
     * @param data the initial entries
     * @return this builder
     */
    public RedisMapBuilder<K, V> initialData(Map<? extends K, ? extends V> data) {
        this.initial = Objects.requireNonNull(data, "data");
        return this;
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
     * @param replicas how many replicas must confirm each write
     * @param timeout how long a write waits for them
     * @return this builder
     * @throws IllegalArgumentException if {@code replicas} is below 1 or {@code timeout} below 1 ms
     */
    public RedisMapBuilder<K, V> waitForReplicas(int replicas, Duration timeout) {
        this.durability = ReplicaWait.of(replicas, timeout);
        return this;
    }

    /**
     * Opens (or creates) the map.
     *
     * @return the map
     * @throws KeyExistsException if initial data was given and the key exists
     */
    public RedisMap<K, V> build() {
        RedisMap<K, V> map = new RedisMap<>(redis(), redisKey(), codec(), valueCodec, durability);
        if (initial != null) {
            map.create(initial);
        }
        return map;
    }
}
