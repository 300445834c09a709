package dev.pottery.cache;

import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.RedisBacked;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
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

    RedisCache(UnifiedJedis redis, String key, CacheStoreFactory<R> stores,
            Function<? super A, ? extends R> function) {
        super(redis, key);
        this.function = Objects.requireNonNull(function, "function");
        this.store = stores.open(redis, key());
    }

    /** A builder: key, timeout and result codec, then the function to wrap. */
    public static RedisCacheBuilder<Object> builder(UnifiedJedis redis) {
        return new RedisCacheBuilder<>(redis, JsonCodec.natural());
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
}
