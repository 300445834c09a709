package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import java.util.Collection;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * Configures a {@link RedisSet}: key, codec and optional initial elements.
 *
 * <pre>{@code
 * RedisSet<String> tags = RedisSet.builder(redis).key("tags").codec(JsonCodec.of(String.class)).build();
 * }</pre>
 *
 * @param <E> the type of elements
 */
public final class RedisSetBuilder<E> {

    private final UnifiedJedis redis;
    private final String key;
    private final Codec<E> codec;
    private final Collection<? extends E> initial;

    RedisSetBuilder(UnifiedJedis redis, String key, Codec<E> codec, Collection<? extends E> initial) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.key = key;
        this.codec = codec;
        this.initial = initial;
    }

    /** The Redis key; without one (or with null) a random temporary key is used. */
    public RedisSetBuilder<E> key(String key) {
        return new RedisSetBuilder<>(redis, key, codec, initial);
    }

    /** The codec of elements; set it before {@link #initialData}. */
    public <E2> RedisSetBuilder<E2> codec(Codec<E2> codec) {
        return new RedisSetBuilder<>(redis, key, Objects.requireNonNull(codec, "codec"), null);
    }

    /** Elements to create the set with; {@link #build()} then refuses an existing key. */
    public RedisSetBuilder<E> initialData(Collection<? extends E> data) {
        return new RedisSetBuilder<>(redis, key, codec, Objects.requireNonNull(data, "data"));
    }

    /**
     * Opens (or creates) the set.
     *
     * @throws KeyExistsException if initial elements were given and the key exists
     */
    public RedisSet<E> build() {
        RedisSet<E> set = new RedisSet<>(redis, key, codec);
        if (initial != null) {
            set.create(initial);
        }
        return set;
    }
}
