package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import java.util.Collection;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds a {@link HyperLogLog} with a codec, a key and optionally initial data.
 *
 * <pre>{@code
 * HyperLogLog<Long> ids = HyperLogLog.builder(redis).codec(JsonCodec.of(Long.class)).key("ids").build();
 * }</pre>
 *
 * @param <E> the type of elements
 */
public final class HyperLogLogBuilder<E> extends KeyedBuilder<E, HyperLogLogBuilder<E>> {

    HyperLogLogBuilder(UnifiedJedis redis, Codec<E> codec) {
        super(redis, codec);
    }

    private HyperLogLogBuilder(HyperLogLogBuilder<?> settings, Codec<E> codec) {
        super(settings, codec);
    }

    /**
     * The codec of elements (default: {@link JsonCodec#natural()}).
     *
     * @param codec the codec of elements
     * @param <F> the new type of elements
     * @return a builder for elements of that type, with this builder's key
     */
    public <F> HyperLogLogBuilder<F> codec(Codec<F> codec) {
        return new HyperLogLogBuilder<>(this, codec);
    }

    /**
     * Opens the HyperLogLog.
     *
     * @return the HyperLogLog
     */
    public HyperLogLog<E> build() {
        return new HyperLogLog<>(redis(), redisKey(), codec());
    }

    /**
     * Creates the HyperLogLog holding {@code initial}, atomically.
     *
     * @param initial the initial elements
     * @return the HyperLogLog
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public HyperLogLog<E> buildWith(Collection<? extends E> initial) {
        HyperLogLog<E> hll = build();
        hll.create(initial);
        return hll;
    }
}
