package dev.pottery.cache;

import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.KeyedBuilder;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;

/**
 * Configures a {@link RedisCache}: key, timeout and result codec; {@link #function} or
 * {@link #biFunction} then builds it.
 *
 * <pre>{@code
 * RedisCache<String, Integer> length = RedisCache.builder(redis).key("lengths")
 *         .timeout(Duration.ofMinutes(5)).resultType(Integer.class).function(String::length);
 * }</pre>
 *
 * @param <R> the result type
 */
public final class RedisCacheBuilder<R> extends KeyedBuilder<R, RedisCacheBuilder<R>> {

    /** Redis refuses an expiry whose absolute time in ms would pass 2^63; half that leaves any clock room. */
    private static final Duration MAX_TIMEOUT = Duration.ofMillis(Long.MAX_VALUE / 2);

    private Duration timeout = RedisCache.DEFAULT_TIMEOUT;

    RedisCacheBuilder(UnifiedJedis redis, Codec<R> codec) {
        super(redis, codec);
    }

    private RedisCacheBuilder(RedisCacheBuilder<?> settings, Codec<R> codec) {
        super(settings, codec);
        this.timeout = settings.timeout;
    }

    /**
     * The sliding expiry of the whole cache; {@code null} or zero: never expires. Default 60 s.
     *
     * @param timeout the expiry, or null
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative, or too long for a Redis expiry
     *     (beyond 2^62 ms)
     */
    public RedisCacheBuilder<R> timeout(Duration timeout) {
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        if (timeout != null && timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout " + timeout + " is beyond what Redis can expire (" + MAX_TIMEOUT
                    + "); use null or Duration.ZERO for a cache that never expires");
        }
        this.timeout = timeout;
        return this;
    }

    /**
     * The codec of results (default {@link JsonCodec#natural()}: results come back as JSON types).
     *
     * @param resultCodec the codec of results
     * @param <T> the new result type
     * @return a builder for results of that type, with this builder's key and timeout
     */
    public <T> RedisCacheBuilder<T> resultCodec(Codec<T> resultCodec) {
        return new RedisCacheBuilder<>(this, Objects.requireNonNull(resultCodec, "resultCodec"));
    }

    /**
     * Results as JSON of the given type ({@code JsonCodec.of(type)}), e.g. {@code Integer.class}.
     *
     * @param type the result type
     * @param <T> the result type
     * @return a builder for results of that type, with this builder's key and timeout
     */
    public <T> RedisCacheBuilder<T> resultType(Class<T> type) {
        return resultCodec(JsonCodec.of(type));
    }

    /**
     * Wraps a one-argument function.
     *
     * @param function the function to memoize
     * @param <A> the argument type
     * @return the memoizer
     */
    public <A> RedisCache<A, R> function(Function<? super A, ? extends R> function) {
        return new RedisCache<>(redis(), redisKey(), stores(), function);
    }

    /**
     * Wraps a two-argument function; its calls are cached under the JSON array of both arguments.
     *
     * @param function the function to memoize
     * @param <A> the first argument type
     * @param <B> the second argument type
     * @return the memoizer
     */
    public <A, B> RedisBiCache<A, B, R> biFunction(BiFunction<? super A, ? super B, ? extends R> function) {
        return new RedisBiCache<>(redis(), redisKey(), stores(), function);
    }

    private CacheStoreFactory<R> stores() {
        return new CacheStoreFactory<>(codec(), timeout);
    }
}
