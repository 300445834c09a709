package dev.pottery.collections.probabilistic;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.KeyedBuilder;
import java.util.Collection;
import java.util.Objects;
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

    private Collection<? extends E> initial;

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
     * @return a builder for elements of that type (initial data is discarded), with this builder's key
     */
    public <F> HyperLogLogBuilder<F> codec(Codec<F> codec) {
        return new HyperLogLogBuilder<>(this, codec);
    }

    /**
     * Elements to create the HyperLogLog with; {@link #build()} then refuses an existing key.
     *
     * @param data the initial elements
     * @return this builder
     */
    public HyperLogLogBuilder<E> initialData(Collection<? extends E> data) {
        this.initial = Objects.requireNonNull(data, "data");
        return this;
    }

    /**
     * Opens (or creates, with {@link #initialData}) the HyperLogLog.
     *
     * @return the HyperLogLog
     * @throws KeyExistsException if initial elements were given and the key exists
     */
    public HyperLogLog<E> build() {
        HyperLogLog<E> built = new HyperLogLog<>(redis(), redisKey(), codec());
        if (initial != null) {
            built.create(initial);
        }
        return built;
    }
}
