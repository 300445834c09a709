package dev.pottery.collections.probabilistic;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.KeyedBuilder;
import java.util.Collection;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds a {@link BloomFilter} with a codec, a key and optionally initial data.
 *
 * <pre>{@code
 * BloomFilter<String> seen = BloomFilter.builder(redis, 10_000, 0.001)
 *         .codec(JsonCodec.of(String.class)).key("seen").build();
 * }</pre>
 *
 * @param <E> the type of elements
 */
public final class BloomFilterBuilder<E> extends KeyedBuilder<E, BloomFilterBuilder<E>> {

    private Collection<? extends E> initial;

    private final long expectedElements;
    private final double falsePositiveRate;

    BloomFilterBuilder(UnifiedJedis redis, Codec<E> codec, long expectedElements, double falsePositiveRate) {
        super(redis, codec);
        this.expectedElements = expectedElements;
        this.falsePositiveRate = falsePositiveRate;
    }

    private BloomFilterBuilder(BloomFilterBuilder<?> settings, Codec<E> codec) {
        super(settings, codec);
        this.expectedElements = settings.expectedElements;
        this.falsePositiveRate = settings.falsePositiveRate;
    }

    /**
     * The codec whose bytes are hashed (default: {@link JsonCodec#natural()}, as pottery).
     *
     * @param codec the codec of elements
     * @param <F> the new type of elements
     * @return a builder for elements of that type (initial data is discarded), with this builder's key and sizing
     */
    public <F> BloomFilterBuilder<F> codec(Codec<F> codec) {
        return new BloomFilterBuilder<>(this, codec);
    }

    /**
     * Elements to create the filter with; {@link #build()} then refuses an existing key.
     *
     * @param data the initial elements
     * @return this builder
     */
    public BloomFilterBuilder<E> initialData(Collection<? extends E> data) {
        this.initial = Objects.requireNonNull(data, "data");
        return this;
    }

    /**
     * Opens (or creates, with {@link #initialData}) the filter.
     *
     * @return the filter
     * @throws KeyExistsException if initial elements were given and the key exists
     */
    public BloomFilter<E> build() {
        BloomFilter<E> built = new BloomFilter<>(redis(), redisKey(), codec(), expectedElements, falsePositiveRate);
        if (initial != null) {
            built.create(initial);
        }
        return built;
    }
}
