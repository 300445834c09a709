package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * Configures a {@link RedisMap}: key, codecs and optional initial data.
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

    RedisMapBuilder(UnifiedJedis redis, String key, Codec<K> keyCodec, Codec<V> valueCodec,
            Map<? extends K, ? extends V> initial) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.key = key;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.initial = initial;
    }

    /** The Redis key; without one (or with null) a random temporary key is used. */
    public RedisMapBuilder<K, V> key(String key) {
        return new RedisMapBuilder<>(redis, key, keyCodec, valueCodec, initial);
    }

    /** The codec of map keys; set codecs before {@link #initialData}. */
    public <K2> RedisMapBuilder<K2, V> keyCodec(Codec<K2> codec) {
        return new RedisMapBuilder<>(redis, key, Objects.requireNonNull(codec, "codec"), valueCodec, null);
    }

    /** The codec of map values; set codecs before {@link #initialData}. */
    public <V2> RedisMapBuilder<K, V2> valueCodec(Codec<V2> codec) {
        return new RedisMapBuilder<>(redis, key, keyCodec, Objects.requireNonNull(codec, "codec"), null);
    }

    /**
     * Data to create the map with; {@link #build()} then throws {@link KeyExistsException} if the key
     * already exists (when the data is not empty).
     */
    public RedisMapBuilder<K, V> initialData(Map<? extends K, ? extends V> data) {
        return new RedisMapBuilder<>(redis, key, keyCodec, valueCodec, Objects.requireNonNull(data, "data"));
    }

    /**
     * Opens (or creates) the map.
     *
     * @throws KeyExistsException if initial data was given and the key exists
     */
    public RedisMap<K, V> build() {
        RedisMap<K, V> map = new RedisMap<>(redis, key, keyCodec, valueCodec);
        if (initial != null) {
            map.create(initial);
        }
        return map;
    }
}
