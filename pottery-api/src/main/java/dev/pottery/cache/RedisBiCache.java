package dev.pottery.cache;

import dev.pottery.collections.RedisBacked;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiFunction;
import redis.clients.jedis.UnifiedJedis;

/**
 * A {@link BiFunction} memoized in Redis: {@link RedisCache} for two arguments, stored under the JSON
 * array of both ({@code ["raj", "shah"]}).
 *
 * <pre>{@code
 * RedisBiCache<String, String, Object> fullName = RedisCache.builder(redis).key("names")
 *         .biFunction((first, last) -> first + " " + last);
 * fullName.apply("raj", "shah");   // miss, then hits from any process using "names"
 * }</pre>
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 * @param <R> the result type
 */
public final class RedisBiCache<A, B, R> extends RedisBacked implements BiFunction<A, B, R> {

    private final BiFunction<? super A, ? super B, ? extends R> function;
    private final CacheStore<R> store;

    RedisBiCache(UnifiedJedis redis, String key, CacheStoreFactory<R> stores,
            BiFunction<? super A, ? super B, ? extends R> function) {
        super(redis, key);
        this.function = Objects.requireNonNull(function, "function");
        this.store = stores.open(redis, key());
    }

    /** The cached result for the two arguments, computing and storing it on a miss. */
    @Override
    public R apply(A first, B second) {
        return store.lookup(Arrays.asList(first, second), () -> function.apply(first, second));
    }

    /** Computes and stores the result whatever is cached; not counted as a hit or a miss. */
    public R bypass(A first, B second) {
        return store.bypass(Arrays.asList(first, second), () -> function.apply(first, second));
    }

    /** This instance's hits and misses, and the number of cached results (HLEN). */
    public CacheInfo cacheInfo() {
        return store.info();
    }

    /** Deletes every cached result (UNLINK) and zeroes the counts. */
    public void cacheClear() {
        store.clear();
    }

    /** The wrapped function. */
    public BiFunction<? super A, ? super B, ? extends R> wrapped() {
        return function;
    }

    /** {@code RedisBiCache[key=...]}. */
    @Override
    public String toString() {
        return "RedisBiCache[key=" + key() + "]";
    }
}
