package dev.pottery.cache;

import dev.pottery.codec.Codec;
import dev.pottery.codec.CodecException;
import dev.pottery.codec.JsonCodec;
import dev.pottery.internal.ElementCodec.Nulls;
import dev.pottery.internal.ElementCodec;
import dev.pottery.internal.LuaScript;
import dev.pottery.internal.TypedKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis side shared by {@link RedisCache} and {@link RedisBiCache}: one hash whose fields are the
 * JSON arrays of the arguments and whose values are the encoded results, with a sliding expiry, plus
 * this process's hit and miss counts.
 */
final class CacheStore<R> {

    private static final LuaScript GET = LuaScript.fromResource(CacheStore.class, "cache-get.lua");
    private static final LuaScript PUT = LuaScript.fromResource(CacheStore.class, "cache-put.lua");
    /** Arguments are encoded through Jackson, so records and beans work as well as JSON scalars. */
    private static final Codec<Object> ARGUMENTS = JsonCodec.of(Object.class);

    private final UnifiedJedis redis;
    private final TypedKey key;
    private final byte[] rawKey;
    private final ElementCodec<R> results;
    private final byte[] timeoutMillis;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    CacheStore(UnifiedJedis redis, String key, Codec<R> resultCodec, Duration timeout) {
        this.redis = redis;
        this.key = new TypedKey(redis, key, "hash", "RedisCache");
        this.rawKey = this.key.raw();
        this.results = new ElementCodec<>(resultCodec, key, "RedisCache", "result", Nulls.STORED);
        long millis = timeout == null ? 0 : timeout.toMillis();
        this.timeoutMillis = Long.toString(millis).getBytes(StandardCharsets.US_ASCII);
    }

    /** A hit costs one round trip (HGET and the expiry in a script); a miss one more to store. */
    R lookup(List<?> arguments, Supplier<? extends R> compute) {
        byte[] field = field(arguments);
        byte[] cached = (byte[]) key.call(() -> GET.run(redis, List.of(rawKey), List.of(field, timeoutMillis)));
        if (cached != null) {
            R result = results.decode(cached);
            hits.incrementAndGet();
            return result;
        }
        R result = store(field, compute);
        misses.incrementAndGet();
        return result;
    }

    /** Computes and stores, whatever is cached, counting neither a hit nor a miss. */
    R bypass(List<?> arguments, Supplier<? extends R> compute) {
        return store(field(arguments), compute);
    }

    private R store(byte[] field, Supplier<? extends R> compute) {
        R result = compute.get();
        byte[] encoded = results.encode(result);
        key.call(() -> PUT.run(redis, List.of(rawKey), List.of(field, encoded, timeoutMillis)));
        return result;
    }

    /** The stable field of a call: the JSON array of its arguments, e.g. {@code ["raj", 3]}. */
    byte[] field(List<?> arguments) {
        try {
            return ARGUMENTS.encode(arguments);
        } catch (CodecException e) {
            throw new IllegalArgumentException("the cache '" + key.name() + "' cannot encode the arguments "
                    + arguments + ": " + e.getMessage(), e);
        }
    }

    CacheInfo info() {
        return new CacheInfo(hits.get(), misses.get(), key.call(() -> redis.hlen(rawKey)));
    }

    void clear() {
        key.clear();
        hits.set(0);
        misses.set(0);
    }
}
