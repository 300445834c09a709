package dev.pottery.cache;

/**
 * Statistics of a memoizer, shaped like Python's {@code functools} {@code CacheInfo} (without
 * {@code maxsize}: the cache is unbounded and expires as a whole).
 *
 * <pre>{@code
 * CacheInfo info = cachedLength.cacheInfo();   // CacheInfo[hits=3, misses=1, currentSize=1]
 * }</pre>
 *
 * @param hits calls answered from Redis by this instance
 * @param misses calls this instance computed and stored
 * @param currentSize the number of results in the Redis hash now, stored by any process
 */
public record CacheInfo(long hits, long misses, long currentSize) {
}
