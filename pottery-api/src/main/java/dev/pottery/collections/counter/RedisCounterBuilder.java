package dev.pottery.collections.counter;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.KeyedBuilder;
import java.util.Map;
import java.util.Objects;
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

    private Map<? extends E, Long> initial;

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
     * @return a builder for elements of that type (initial data is discarded), with this builder's key
     */
    public <F> RedisCounterBuilder<F> codec(Codec<F> codec) {
        return new RedisCounterBuilder<>(this, codec);
    }

    /**
     * Counts to create the counter with; {@link #build()} then refuses an existing key.
     *
     * @param data the initial counts
     * @return this builder
     */
    public RedisCounterBuilder<E> initialData(Map<? extends E, Long> data) {
        this.initial = Objects.requireNonNull(data, "data");
        return this;
    }

    /**
     * Opens (or creates, with {@link #initialData}) the counter.
     *
     * @return the counter
     * @throws KeyExistsException if initial counts were given and the key exists
     */
    public RedisCounter<E> build() {
        RedisCounter<E> built = new RedisCounter<>(redis(), redisKey(), codec());
        if (initial != null) {
            built.create(initial);
        }
        return built;
    }
}
