package dev.pottery.examples;

import dev.pottery.cache.RedisCache;
import dev.pottery.collections.counter.RedisCounter;
import dev.pottery.collections.list.RedisList;
import dev.pottery.collections.map.RedisMap;
import dev.pottery.collections.probabilistic.BloomFilter;
import dev.pottery.collections.probabilistic.HyperLogLog;
import dev.pottery.collections.queue.RedisDeque;
import dev.pottery.collections.set.RedisSet;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/** The collections part of the walkthrough: pottery's README examples, in Java. */
final class CollectionsTour {

    private final UnifiedJedis redis;
    private final PrintStream out;

    CollectionsTour(UnifiedJedis redis, PrintStream out) {
        this.redis = redis;
        this.out = out;
    }

    void run() {
        map();
        set();
        list();
        deque();
        counter();
        probabilistic();
        memoizer();
    }

    private void map() {
        try (RedisMap<String, Long> tel = new RedisMap<>(redis, "quickstart:tel", Map.of("jack", 4098L, "sape", 4139L))) {
            tel.put("guido", 4127L);
            tel.merge("jack", 1L, Long::sum);
            out.println("  RedisMap tel = " + tel + "; tel.get(\"jack\") = " + tel.get("jack"));
            out.println("  in Redis: HGET quickstart:tel '\"guido\"' -> " + hget("quickstart:tel", "\"guido\""));
            tel.clear();
        }
    }

    private void set() {
        try (RedisSet<Object> basket = new RedisSet<>(redis, "quickstart:basket", List.of("apple", "orange", "pear"));
             RedisSet<Object> other = new RedisSet<>(redis, "quickstart:other", List.of("orange", "banana"))) {
            out.println("  RedisSet basket.contains(\"orange\") = " + basket.contains("orange")
                    + "; intersection with " + other.toSet() + " = " + basket.intersection(other));
            basket.clear();
            other.clear();
        }
    }

    private void list() {
        try (RedisList<Object> squares = new RedisList<>(redis, "quickstart:squares", List.of(1L, 4L, 9L, 16L, 25L))) {
            squares.addAll(List.of(36L, 49L));
            out.println("  RedisList squares = " + squares + "; get(2) = " + squares.get(2)
                    + "; subList(2, 5) = " + squares.subList(2, 5));
            squares.clear();
        }
    }

    private void deque() {
        try (RedisDeque<Object> recent = RedisDeque.builder(redis).key("quickstart:recent").maxlen(3).build()) {
            recent.addAll(List.of("a", "b", "c", "d"));
            out.println("  RedisDeque with maxlen 3 after adding a, b, c, d = " + recent);
            recent.clear();
        }
    }

    private void counter() {
        try (RedisCounter<Object> words = new RedisCounter<>(redis, "quickstart:words")) {
            for (String word : "red blue red green blue red".split(" ")) {
                words.increment(word);
            }
            out.println("  RedisCounter mostCommon(2) = " + words.mostCommon(2) + ", total = " + words.total());
            words.clear();
        }
    }

    private void probabilistic() {
        try (BloomFilter<Object> seen = new BloomFilter<>(redis, "quickstart:bloom", 1000, 0.01);
             HyperLogLog<Object> visitors = new HyperLogLog<>(redis, "quickstart:hll")) {
            seen.addAll(List.of("rajiv", "raj", "dan"));
            out.println("  BloomFilter mightContain(\"raj\") = " + seen.mightContain("raj")
                    + ", mightContain(\"eve\") = " + seen.mightContain("eve"));
            for (int i = 0; i < 1000; i++) {
                visitors.add("visitor-" + (i % 250));
            }
            out.println("  HyperLogLog of 1000 visits by 250 visitors: size() = " + visitors.size());
            redis.del("quickstart:bloom", "quickstart:hll");
        }
    }

    private void memoizer() {
        int[] calls = {0};
        try (RedisCache<Long, Long> squares = RedisCache.builder(redis).key("quickstart:memo").resultType(Long.class)
                .function((Long n) -> {
                    calls[0]++;
                    return n * n;
                })) {
            squares.apply(12L);
            squares.apply(12L);
            out.println("  RedisCache: square(12) twice ran the function " + calls[0] + " time(s); " + squares.cacheInfo());
            squares.cacheClear();
        }
    }

    private String hget(String key, String field) {
        byte[] value = redis.hget(key.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
        return value == null ? "(nil)" : new String(value, StandardCharsets.UTF_8);
    }
}
