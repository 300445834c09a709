/**
 * Memoization in Redis, as Python pottery's {@code redis_cache}: {@link dev.pottery.cache.RedisCache}
 * wraps a {@link java.util.function.Function} (and {@link dev.pottery.cache.RedisBiCache} a
 * {@link java.util.function.BiFunction}) so that results are computed once and shared, through a Redis
 * hash with a sliding expiry, by every process that uses the same key.
 */
package dev.pottery.cache;
