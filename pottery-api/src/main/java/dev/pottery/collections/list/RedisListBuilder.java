package dev.pottery.collections.list;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.collections.KeyedBuilder;
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
public final class RedisListBuilder<E> extends KeyedBuilder<E, RedisListBuilder<E>> {

    private Collection<? extends E> initial;

    RedisListBuilder(UnifiedJedis redis, Codec<E> codec) {
        super(redis, codec);
    }

    private RedisListBuilder(RedisListBuilder<?> settings, Codec<E> codec) {
        super(settings, codec);
    }

    /**
     * The codec of elements; set it before {@link #initialData}, which it discards.
     *
     * @param codec the codec of elements
     * @param <E2> the new type of elements
     * @return a builder for elements of that type, with this builder's key
     */
    public <E2> RedisListBuilder<E2> codec(Codec<E2> codec) {
        return new RedisListBuilder<>(this, codec);
    }

    /**
     * Elements to create the list with; {@link #build()} then refuses an existing key.
     *
     * @param data the initial elements
     * @return this builder
     */
    public RedisListBuilder<E> initialData(Collection<? extends E> data) {
        this.initial = Objects.requireNonNull(data, "data");
        return this;
    }

    /**
     * Opens (or creates) the list.
     *
     * @return the list
     * @throws KeyExistsException if initial elements were given and the key exists
     */
    public RedisList<E> build() {
        RedisList<E> list = new RedisList<>(redis(), redisKey(), codec());
        if (initial != null) {
            list.create(initial);
        }
        return list;
    }
}
