package dev.pottery.collections;

import dev.pottery.internal.RandomKeys;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * The common base of Pottery's Redis-backed types: a client and one Redis key.
 *
 * <p>A type opened without a key gets a random one ({@code pottery:} and 16 alphanumerics, as Python
 * pottery names them); such a temporary key is deleted by {@link #close()}, which Java users call
 * (or use try-with-resources) where Python relies on garbage collection. Closing an instance opened
 * on a named key leaves the data in place.
 */
public abstract class RedisBacked implements AutoCloseable {

    private final UnifiedJedis redis;
    private final String key;
    private final byte[] rawKey;
    private final boolean temporary;

    /**
     * Opens the given key, or a new random key when {@code key} is null.
     *
     * @throws NullPointerException if {@code redis} is null
     * @throws IllegalArgumentException if {@code key} is empty
     */
    protected RedisBacked(UnifiedJedis redis, String key) {
        this.redis = Objects.requireNonNull(redis, "redis");
        if (key != null && key.isEmpty()) {
            throw new IllegalArgumentException("a Redis key must not be empty");
        }
        this.temporary = key == null;
        this.key = key == null ? RandomKeys.unused(redis) : key;
        this.rawKey = this.key.getBytes(StandardCharsets.UTF_8);
    }

    /** The client this instance talks to. */
    public final UnifiedJedis redis() {
        return redis;
    }

    /** The Redis key holding the data. */
    public final String key() {
        return key;
    }

    /** The Redis key as UTF-8 bytes, for binary commands. */
    protected final byte[] rawKey() {
        return rawKey;
    }

    /** Whether the key was chosen at random (and is deleted by {@link #close()}). */
    public final boolean isTemporary() {
        return temporary;
    }

    /**
     * Whether {@code other} is backed by the same key through the same client: then the two are equal
     * without reading Redis, as in Python pottery.
     */
    protected final boolean sameKeyAs(Object other) {
        return other instanceof RedisBacked backed && backed.redis == redis && backed.key.equals(key);
    }

    /** Deletes the key if it is temporary; a named key keeps its data. The client stays open. */
    @Override
    public void close() {
        if (temporary) {
            redis.unlink(rawKey);
        }
    }
}
