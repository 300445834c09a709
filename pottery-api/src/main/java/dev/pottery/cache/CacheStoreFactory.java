package dev.pottery.cache;

import dev.pottery.codec.Codec;
import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;

/** The result codec and timeout a builder collected, applied once the memoizer's key is known. */
record CacheStoreFactory<R>(Codec<R> codec, Duration timeout) {

    CacheStore<R> open(UnifiedJedis redis, String key) {
        return new CacheStore<>(redis, key, codec, timeout);
    }
}
