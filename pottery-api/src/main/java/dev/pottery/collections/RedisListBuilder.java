package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import java.util.Collection;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * Configures a {@link RedisList}: key, codec and optional initial elements.
 *
 * <pre>{@code
 * RedisList<String> names = RedisList.builder(redis).key("names").codec(JsonCodec.of(String.class)).build();
 * }</pre>
 *
 * @param <E> the type of elements
 */
public final class RedisListBuilder<E> {

    private final UnifiedJedis redis;
    private final String key;
    private final Codec<E> codec;
    private final Collection<? extends E> initial;

    RedisListBuilder(UnifiedJedis redis, String key, Codec<E> codec, Collection<? extends E> initial) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.key = key;
        this.codec = codec;
        this.initial = initial;
    }

    /** The Redis key; without one (or with null) a random temporary key is used. */
    public RedisListBuilder<E> key(String key) {
        return new RedisListBuilder<>(redis, key, codec, initial);
    }

    /** The codec of elements; set it before {@link #initialData}. */
    public <E2> RedisListBuilder<E2> codec(Codec<E2> codec) {
        return new RedisListBuilder<>(redis, key, Objects.requireNonNull(codec, "codec"), null);
    }

    /** Elements to create the list with; {@link #build()} then refuses an existing key. */
    public RedisListBuilder<E> initialData(Collection<? extends E> data) {
        return new RedisListBuilder<>(redis, key, codec, Objects.requireNonNull(data, "data"));
    }

    /**
     * Opens (or creates) the list.
     *
     * @throws KeyExistsException if initial elements were given and the key exists
     */
    public RedisList<E> build() {
        RedisList<E> list = new RedisList<>(redis, key, codec);
        if (initial != null) {
            list.create(initial);
        }
        return list;
    }
}
