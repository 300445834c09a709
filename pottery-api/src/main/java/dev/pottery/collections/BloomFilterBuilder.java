package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import java.util.Collection;
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
     * @return a builder for elements of that type, with this builder's key and sizing
     */
    public <F> BloomFilterBuilder<F> codec(Codec<F> codec) {
        return new BloomFilterBuilder<>(this, codec);
    }

    /**
     * Opens the filter.
     *
     * @return the filter
     */
    public BloomFilter<E> build() {
        return new BloomFilter<>(redis(), redisKey(), codec(), expectedElements, falsePositiveRate);
    }

    /**
     * Creates the filter holding {@code initial}, atomically.
     *
     * @param initial the initial elements
     * @return the filter
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public BloomFilter<E> buildWith(Collection<? extends E> initial) {
        BloomFilter<E> filter = build();
        filter.create(initial);
        return filter;
    }
}
