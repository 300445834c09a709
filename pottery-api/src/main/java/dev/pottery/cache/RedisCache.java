package dev.pottery.cache;

import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.KeyedBuilder;
import dev.pottery.collections.RedisBacked;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;

/**
 * A {@link Function} whose results are memoized in Redis, as Python pottery's {@code redis_cache}: the
 * first call with some argument computes and stores the result; later calls, in this process or any
 * other using the same key, read it back.
 *
 * <pre>{@code
 * RedisCache<String, Integer> length = RedisCache.builder(redis)
 *         .key("lengths").timeout(Duration.ofMinutes(5)).resultType(Integer.class)
 *         .function(String::length);
 * length.apply("pottery");      // miss: computes 7 and stores it
 * length.apply("pottery");      // hit: one round trip
 * length.cacheInfo();           // CacheInfo[hits=1, misses=1, currentSize=1]
 * length.bypass("pottery");     // recomputes and stores, whatever is cached
 * length.cacheClear();          // deletes the hash and zeroes the counts
 * }</pre>
 *
 * <h2>Storage</h2>
 * One Redis hash. The field of a call is the JSON array of its arguments ({@code ["pottery"]}; records
 * and beans as sorted JSON objects), which is stable across processes and JVMs; pottery hashed the
 * arguments with Python's per-process {@code hash}, so its entries cannot be shared and are not
 * compatible with these. The value is the result in the result codec (JSON text by default: a
 * {@code null} result is cached too). Every call slides the expiry of the whole hash to the timeout
 * (default 60 s, as pottery; {@link Duration#ZERO} or {@code null}: never expires).
 *
 * <h2>Costs</h2>
 * A hit is one round trip (a script: HGET and PEXPIRE); a miss adds the computation and one round trip
 * to store (HSET and PEXPIRE). Two processes missing at once both compute; the last write wins.
 * The hit and miss counts of {@link #cacheInfo()} belong to this instance; its size is the hash's.
 *
 * @param <A> the argument type
 * @param <R> the result type
 */
public final class RedisCache<A, R> extends RedisBacked implements Function<A, R> {

    /** Pottery's default timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Function<? super A, ? extends R> function;
    private final CacheStore<R> store;

    private RedisCache(UnifiedJedis redis, String key, CacheStoreFactory<R> stores,
            Function<? super A, ? extends R> function) {
        super(redis, key);
        this.function = Objects.requireNonNull(function, "function");
        this.store = stores.open(redis, key());
    }

    /** A builder: key, timeout and result codec, then the function to wrap. */
    public static Builder<Object> builder(UnifiedJedis redis) {
        return new Builder<>(redis, JsonCodec.natural());
    }

    /** The cached result for {@code argument}, computing and storing it on a miss. */
    @Override
    public R apply(A argument) {
        return store.lookup(Collections.singletonList(argument), () -> function.apply(argument));
    }

    /** Computes and stores the result whatever is cached (pottery's {@code __bypass__}); not counted. */
    public R bypass(A argument) {
        return store.bypass(Collections.singletonList(argument), () -> function.apply(argument));
    }

    /** This instance's hits and misses, and the number of cached results (HLEN). */
    public CacheInfo cacheInfo() {
        return store.info();
    }

    /** Deletes every cached result (UNLINK) and zeroes the counts. */
    public void cacheClear() {
        store.clear();
    }

    /** The wrapped function (pottery's {@code __wrapped__}). */
    public Function<? super A, ? extends R> wrapped() {
        return function;
    }

    /** {@code RedisCache[key=...]}. */
    @Override
    public String toString() {
        return "RedisCache[key=" + key() + "]";
    }

    /**
     * Configures a memoizer; {@link #function} or {@link #biFunction} builds it.
     *
     * @param <R> the result type
     */
    public static final class Builder<R> extends KeyedBuilder<R, Builder<R>> {

        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(UnifiedJedis redis, Codec<R> codec) {
            super(redis, codec);
        }

        private Builder(Builder<?> settings, Codec<R> codec) {
            super(settings, codec);
            this.timeout = settings.timeout;
        }

        /**
         * The sliding expiry of the whole cache; {@code null} or zero: never expires. Default 60 s.
         *
         * @param timeout the expiry, or null
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is negative
         */
        public Builder<R> timeout(Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must not be negative: " + timeout);
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
        public <T> Builder<T> resultCodec(Codec<T> resultCodec) {
            return new Builder<>(this, Objects.requireNonNull(resultCodec, "resultCodec"));
        }

        /**
         * Results as JSON of the given type ({@code JsonCodec.of(type)}), e.g. {@code Integer.class}.
         *
         * @param type the result type
         * @param <T> the result type
         * @return a builder for results of that type, with this builder's key and timeout
         */
        public <T> Builder<T> resultType(Class<T> type) {
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
}
