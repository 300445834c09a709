package dev.pottery.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.collections.CommandStats;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

@RedisServers
class RedisCacheTest {

    private final AtomicInteger calls = new AtomicInteger();

    private int countedLength(String s) {
        calls.incrementAndGet();
        return s.length();
    }

    private RedisCache<String, Integer> lengths(UnifiedJedis redis) {
        return RedisCache.builder(redis).key("lengths").resultType(Integer.class).function(this::countedLength);
    }

    @Test
    void computesOnceThenAnswersFromRedis(UnifiedJedis redis) {
        RedisCache<String, Integer> length = lengths(redis);
        assertThat(length.apply("pottery")).isEqualTo(7);
        assertThat(length.apply("pottery")).isEqualTo(7);
        assertThat(length.apply("jar")).isEqualTo(3);
        assertThat(calls).hasValue(2);
        assertThat(length.cacheInfo()).isEqualTo(new CacheInfo(1, 2, 2));
    }

    @Test
    void storesResultsUnderTheJsonArrayOfTheArguments(UnifiedJedis redis) {
        lengths(redis).apply("pottery");
        assertThat(redis.hgetAll("lengths")).isEqualTo(Map.of("[\"pottery\"]", "7"));
        RedisBiCache<String, String, Object> names = RedisCache.builder(redis).key("names")
                .biFunction((first, last) -> first + " " + last);
        names.apply("raj", "shah");
        assertThat(redis.hgetAll("names")).isEqualTo(Map.of("[\"raj\", \"shah\"]", "\"raj shah\""));
    }

    record Point(int y, int x) {
    }

    @Test
    void recordArgumentsAreStableSortedJson(UnifiedJedis redis) {
        RedisCache<Point, Object> norm = RedisCache.builder(redis).key("norms").function(p -> p.x() * p.x() + p.y() * p.y());
        norm.apply(new Point(4, 3));
        assertThat(redis.hkeys("norms")).containsExactly("[{\"x\": 3, \"y\": 4}]");
        assertThat(norm.apply(new Point(4, 3))).isEqualTo(25L); // natural JSON decodes integers as Long
        assertThat(norm.cacheInfo().hits()).isEqualTo(1);
    }

    @Test
    void anotherInstanceOnTheSameKeySharesTheResults(UnifiedJedis redis) {
        lengths(redis).apply("pottery");
        RedisCache<String, Integer> other = lengths(redis);
        assertThat(other.apply("pottery")).isEqualTo(7);
        assertThat(calls).hasValue(1);
        assertThat(other.cacheInfo()).isEqualTo(new CacheInfo(1, 0, 1));
    }

    @Test
    void everyCallSlidesTheExpiryOfTheWholeCache(UnifiedJedis redis) {
        RedisCache<String, Integer> length = lengths(redis);
        length.apply("a");
        assertThat(redis.ttl("lengths")).isBetween(59L, 60L);
        redis.expire("lengths", 5);
        length.apply("a"); // a hit refreshes the timeout too
        assertThat(redis.ttl("lengths")).isBetween(59L, 60L);
        redis.expire("lengths", 5);
        length.apply("b");
        assertThat(redis.ttl("lengths")).isBetween(59L, 60L);
    }

    @Test
    void aZeroTimeoutNeverExpires(UnifiedJedis redis) {
        RedisCache<String, Object> forever = RedisCache.builder(redis).key("forever").timeout(Duration.ZERO)
                .function(String::toUpperCase);
        forever.apply("a");
        forever.apply("a");
        assertThat(redis.ttl("forever")).isEqualTo(-1);
        RedisCache<String, Object> custom = RedisCache.builder(redis).key("custom").timeout(Duration.ofSeconds(5))
                .function(String::toUpperCase);
        custom.apply("a");
        assertThat(redis.ttl("custom")).isBetween(4L, 5L);
        assertThatThrownBy(() -> RedisCache.builder(redis).timeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bypassRecomputesAndStoresWithoutCounting(UnifiedJedis redis) {
        AtomicInteger version = new AtomicInteger();
        RedisCache<String, Object> cache = RedisCache.builder(redis).key("v").function(s -> s + version.incrementAndGet());
        assertThat(cache.apply("x")).isEqualTo("x1");
        assertThat(cache.bypass("x")).isEqualTo("x2");
        assertThat(cache.apply("x")).isEqualTo("x2");
        assertThat(cache.cacheInfo()).isEqualTo(new CacheInfo(1, 1, 1));
    }

    @Test
    void cacheClearDeletesTheHashAndZeroesTheCounts(UnifiedJedis redis) {
        RedisCache<String, Integer> length = lengths(redis);
        length.apply("a");
        length.apply("a");
        length.cacheClear();
        assertThat(redis.exists("lengths")).isFalse();
        assertThat(length.cacheInfo()).isEqualTo(new CacheInfo(0, 0, 0));
        length.apply("a");
        assertThat(calls).hasValue(2);
    }

    @Test
    void nullArgumentsAndNullResultsAreCachedToo(UnifiedJedis redis) {
        AtomicInteger n = new AtomicInteger();
        RedisCache<String, Object> cache = RedisCache.builder(redis).key("nulls").function(s -> {
            n.incrementAndGet();
            return null;
        });
        assertThat(cache.apply(null)).isNull();
        assertThat(cache.apply(null)).isNull();
        assertThat(n).hasValue(1);
        assertThat(redis.hgetAll("nulls")).isEqualTo(Map.of("[null]", "null"));
    }

    @Test
    void aFailingFunctionCachesNothingAndCountsNothing(UnifiedJedis redis) {
        RedisCache<String, Object> cache = RedisCache.builder(redis).key("fails").function(s -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(() -> cache.apply("a")).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(cache.cacheInfo()).isEqualTo(new CacheInfo(0, 0, 0));
        RedisCache<String, Object> unstorable = RedisCache.builder(redis).key("odd").function(s -> new Object());
        assertThatThrownBy(() -> unstorable.apply("a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object").hasMessageContaining("odd");
    }

    @Test
    void aHitIsOneRoundTripAndAMissOneMore(UnifiedJedis redis) {
        RedisCache<String, Integer> length = lengths(redis);
        length.apply("warm-up");
        assertThat(CommandStats.of(redis, () -> length.apply("warm-up")))
                .isEqualTo(Map.of("evalsha", 1L, "hget", 1L, "pexpire", 1L));
        assertThat(CommandStats.of(redis, () -> length.apply("new")))
                .isEqualTo(Map.of("evalsha", 2L, "hget", 1L, "hset", 1L, "pexpire", 2L));
    }

    @Test
    void withoutAKeyTheCacheIsTemporary(UnifiedJedis redis) {
        Function<String, Object> upper;
        String key;
        try (RedisCache<String, Object> cache = RedisCache.builder(redis).function(String::toUpperCase)) {
            upper = cache;
            key = cache.key();
            assertThat(upper.apply("a")).isEqualTo("A");
            assertThat(key).startsWith("pottery:");
            assertThat(redis.exists(key)).isTrue();
            assertThat(cache.wrapped().apply("b")).isEqualTo("B");
        }
        assertThat(redis.exists(key)).isFalse();
    }
}
