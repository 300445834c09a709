package dev.pottery.collections;

import dev.pottery.codec.Codec;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * What every Pottery builder shares: the client, the Redis key and the codec. Each type's builder
 * adds its own options and the {@code codec(..)} method that switches the element type (which only the
 * concrete builder can name), then opens the type.
 *
 * <pre>{@code
 * HyperLogLog<Long> ids = HyperLogLog.builder(redis).key("ids").codec(JsonCodec.of(Long.class)).build();
 * RedisList<String> names = RedisList.builder(redis).key("names").codec(JsonCodec.of(String.class)).build();
 * }</pre>
 *
 * <p>Builders are not thread-safe: configure one on one thread, then build.
 *
 * @param <E> the type the codec encodes (a map builder's key type)
 * @param <B> the concrete builder, returned by {@link #key(String)} for chaining
 */
public abstract class KeyedBuilder<E, B extends KeyedBuilder<E, B>> {

    private final UnifiedJedis redis;
    private final Codec<E> codec;
    private String key;

    /**
     * Starts a builder on a random temporary key.
     *
     * @param redis the client the built instance talks to
     * @param codec the default codec
     * @throws NullPointerException if {@code redis} is null
     */
    protected KeyedBuilder(UnifiedJedis redis, Codec<E> codec) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.codec = codec;
    }

    /**
     * Starts a builder with the client and key of {@code settings} and another codec: what a
     * builder's {@code codec(..)} method uses before copying its own options.
     *
     * @param settings the builder whose client and key carry over
     * @param codec the new codec
     * @throws NullPointerException if {@code codec} is null
     */
    protected KeyedBuilder(KeyedBuilder<?, ?> settings, Codec<E> codec) {
        this.redis = settings.redis;
        this.key = settings.key;
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * The Redis key; without one (or with null) a random temporary key is used, deleted by
     * {@code close()}.
     *
     * @param key the Redis key, or null for a random one
     * @return this builder
     */
    @SuppressWarnings("unchecked")
    public B key(String key) {
        this.key = key;
        return (B) this;
    }

    /**
     * The client given to {@code builder(redis)}.
     *
     * @return the client
     */
    protected final UnifiedJedis redis() {
        return redis;
    }

    /**
     * The key chosen with {@link #key(String)}.
     *
     * @return the key, or null for a random one
     */
    protected final String redisKey() {
        return key;
    }

    /**
     * The codec chosen (or the default).
     *
     * @return the codec
     */
    protected final Codec<E> codec() {
        return codec;
    }
}
