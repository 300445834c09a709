package dev.pottery.collections.set;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.collections.KeyedBuilder;
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
public final class RedisSetBuilder<E> extends KeyedBuilder<E, RedisSetBuilder<E>> {

    private Collection<? extends E> initial;

    RedisSetBuilder(UnifiedJedis redis, Codec<E> codec) {
        super(redis, codec);
    }

    private RedisSetBuilder(RedisSetBuilder<?> settings, Codec<E> codec) {
        super(settings, codec);
    }

    /**
     * The codec of elements; set it before {@link #initialData}, which it discards.
     *
     * @param codec the codec of elements
     * @param <E2> the new type of elements
     * @return a builder for elements of that type, with this builder's key
     */
    public <E2> RedisSetBuilder<E2> codec(Codec<E2> codec) {
        return new RedisSetBuilder<>(this, codec);
    }

    /**
     * Elements to create the set with; {@link #build()} then refuses an existing key.
     *
     * @param data the initial elements
     * @return this builder
     */
    public RedisSetBuilder<E> initialData(Collection<? extends E> data) {
        this.initial = Objects.requireNonNull(data, "data");
        return this;
    }

    /**
     * Opens (or creates) the set.
     *
     * @return the set
     * @throws KeyExistsException if initial elements were given and the key exists
     */
    public RedisSet<E> build() {
        RedisSet<E> set = new RedisSet<>(redis(), redisKey(), codec());
        if (initial != null) {
            set.create(initial);
        }
        return set;
    }
}
