package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds a {@link RedisCounter} with a codec, a key and optionally initial counts.
 *
 * <pre>{@code
 * RedisCounter<String> words = RedisCounter.builder(redis).codec(JsonCodec.of(String.class)).key("words").build();
 * }</pre>
 *
 * @param <E> the type of elements
 */
public final class RedisCounterBuilder<E> extends KeyedBuilder<E, RedisCounterBuilder<E>> {

    RedisCounterBuilder(UnifiedJedis redis, Codec<E> codec) {
        super(redis, codec);
    }

    private RedisCounterBuilder(RedisCounterBuilder<?> settings, Codec<E> codec) {
        super(settings, codec);
    }

    /**
     * The codec of elements (default: {@link JsonCodec#natural()}).
     *
     * @param codec the codec of elements
     * @param <F> the new type of elements
     * @return a builder for elements of that type, with this builder's key
     */
    public <F> RedisCounterBuilder<F> codec(Codec<F> codec) {
        return new RedisCounterBuilder<>(this, codec);
    }

    /**
     * Opens the counter.
     *
     * @return the counter
     */
    public RedisCounter<E> build() {
        return new RedisCounter<>(redis(), redisKey(), codec());
    }

    /**
     * Creates the counter holding {@code counts}, atomically.
     *
     * @param counts the initial counts
     * @return the counter
     * @throws KeyExistsException if {@code counts} is not empty and the key already exists
     */
    public RedisCounter<E> buildWith(Map<? extends E, Long> counts) {
        RedisCounter<E> counter = build();
        counter.create(counts);
        return counter;
    }
}
