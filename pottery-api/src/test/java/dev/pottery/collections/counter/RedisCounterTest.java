package dev.pottery.collections.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.KeyExistsException;
import dev.pottery.PotteryException;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.CommandStats;
import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

@RedisServers
class RedisCounterTest {

    private static Map<Object, Long> counts(Object... pairs) {
        Map<Object, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return map;
    }

    @Test
    void storesEncodedFieldsAndPlainDecimalCountsAsPotteryDoes(UnifiedJedis redis) {
        RedisCounter<Object> counter = new RedisCounter<>(redis, "c");
        counter.increment("a", 5);
        counter.increment(1L);
        counter.set(List.of(1L, "x"), 0);
        assertThat(redis.hgetAll("c")).isEqualTo(Map.of("\"a\"", "5", "1", "1", "[1, \"x\"]", "0"));
    }

    @Test
    void readsCountsPythonWrote(UnifiedJedis redis) {
        redis.hset("py", Map.of("\"eggs\"", "3", "\"ham\"", "-1"));
        RedisCounter<Object> counter = new RedisCounter<>(redis, "py");
        assertThat(counter.get("eggs")).isEqualTo(3);
        assertThat(counter.toMap()).isEqualTo(counts("eggs", 3, "ham", -1));
    }

    @Test
    void aMissingElementCountsZeroWithoutBeingStored(UnifiedJedis redis) {
        RedisCounter<Object> counter = new RedisCounter<>(redis, "c");
        assertThat(counter.get("nothing")).isZero();
        assertThat(counter.contains("nothing")).isFalse();
        counter.set("zero", 0);
        assertThat(counter.contains("zero")).isTrue();
        assertThat(counter.size()).isEqualTo(1);
        assertThat(counter.remove("zero")).isTrue();
        assertThat(counter.remove("zero")).isFalse();
        assertThat(counter.isEmpty()).isTrue();
    }

    @Test
    void incrementsAndDecrementsReturnTheNewCount(UnifiedJedis redis) {
        RedisCounter<Object> counter = new RedisCounter<>(redis, "c");
        assertThat(counter.increment("a")).isEqualTo(1);
        assertThat(counter.increment("a", 10)).isEqualTo(11);
        assertThat(counter.decrement("a")).isEqualTo(10);
        assertThat(counter.decrement("a", 12)).isEqualTo(-2);
        assertThat(CommandStats.of(redis, () -> counter.increment("a"))).isEqualTo(Map.of("hincrby", 1L));
        assertThat(CommandStats.of(redis, () -> counter.get("a"))).isEqualTo(Map.of("hget", 1L));
    }

    @Test
    void incrementsFromEightThreadsAndTwoClientsLoseNothing(RedisDeployment server) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (UnifiedJedis one = server.newClient(); UnifiedJedis two = server.newClient()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RedisCounter<Object> counter = new RedisCounter<>(t % 2 == 0 ? one : two, "hits");
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        counter.increment("page");
                        counter.update(List.of("page", "other"));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
            RedisCounter<Object> counter = new RedisCounter<>(one, "hits");
            assertThat(counter.get("page")).isEqualTo(8 * 250 * 2);
            assertThat(counter.get("other")).isEqualTo(8 * 250);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updateAndSubtractCountEachOccurrenceOnceUnlikePotterysDoubleCount(UnifiedJedis redis) {
        RedisCounter<Object> counter = new RedisCounter<>(redis, "c", counts("a", 2));
        counter.update(List.of("a"));
        assertThat(counter.get("a")).isEqualTo(3); // pottery gives 5
        counter.update(counts("a", 1, "b", 4));
        assertThat(counter.toMap()).isEqualTo(counts("a", 4, "b", 4));
        counter.subtract(List.of("a", "a", "c"));
        assertThat(counter.toMap()).isEqualTo(counts("a", 2, "b", 4, "c", -1));
        counter.subtract(counts("b", 4));
        assertThat(counter.get("b")).isZero();
        assertThat(counter.contains("b")).isTrue(); // subtract keeps zero and negative counts, as Python
    }

    @Test
    void updateFromAnotherCounterIsOneScriptHere(UnifiedJedis redis) {
        RedisCounter<Object> mine = new RedisCounter<>(redis, "mine", counts("a", 1));
        RedisCounter<Object> theirs = new RedisCounter<>(redis, "theirs", counts("a", 2, "b", 3));
        mine.update(theirs);
        assertThat(mine.toMap()).isEqualTo(counts("a", 3, "b", 3));
        mine.subtract(theirs);
        assertThat(mine.toMap()).isEqualTo(counts("a", 1, "b", 0));
        assertThat(CommandStats.of(redis, () -> mine.update(counts("x", 1, "y", 2, "z", 3))))
                .isEqualTo(Map.of("evalsha", 1L, "hget", 3L, "hset", 3L));
    }

    @Test
    void totalMostCommonAndElementsFollowPythonsCounter(UnifiedJedis redis) {
        RedisCounter<Object> counter = new RedisCounter<>(redis, "c", counts("a", 4, "b", 2, "c", 0, "d", -2, "e", 4));
        assertThat(counter.total()).isEqualTo(8);
        assertThat(counter.mostCommon(2)).extracting(Map.Entry::getKey).containsExactly("a", "e");
        assertThat(counter.mostCommon(2)).extracting(Map.Entry::getValue).containsExactly(4L, 4L);
        assertThat(counter.mostCommon()).extracting(Map.Entry::getKey).containsExactly("a", "e", "b", "c", "d");
        assertThat(counter.mostCommon(0)).isEmpty();
        List<Object> elements = new ArrayList<>();
        counter.elements().forEachRemaining(elements::add);
        assertThat(elements).containsExactlyInAnyOrder("a", "a", "a", "a", "b", "b", "e", "e", "e", "e");
        assertThat(counter.toString()).isEqualTo("RedisCounter{a=4, e=4, b=2, c=0, d=-2}");
    }

    @Test
    void mostCommonAndElementsStreamALargeCounter(UnifiedJedis redis) {
        Map<Object, Long> many = new LinkedHashMap<>();
        for (long i = 0; i < 2000; i++) {
            many.put("k" + i, i % 7);
        }
        many.put("top", 100L);
        RedisCounter<Object> counter = new RedisCounter<>(redis, "large", many);
        assertThat(counter.mostCommon(1)).extracting(Map.Entry::getKey).containsExactly("top");
        assertThat(counter.mostCommon(3)).extracting(Map.Entry::getValue).containsExactly(100L, 6L, 6L);
        long n = 0;
        for (Iterator<Object> it = counter.elements(); it.hasNext(); it.next()) {
            n++;
        }
        assertThat(n).isEqualTo(counter.total());
    }

    @Test
    void arithmeticMakesNewLocalCountersOfPositiveCounts(UnifiedJedis redis) {
        RedisCounter<Object> c = new RedisCounter<>(redis, "c", counts("a", 3, "b", 1));
        Map<Object, Long> d = counts("a", 1, "b", 2);
        // the examples of Python's collections.Counter documentation
        assertThat(c.plus(d)).isEqualTo(counts("a", 4, "b", 3));
        assertThat(c.minus(d)).isEqualTo(counts("a", 2));
        assertThat(c.intersection(d)).isEqualTo(counts("a", 1, "b", 1));
        assertThat(c.union(d)).isEqualTo(counts("a", 3, "b", 2));
        assertThat(c.minus(counts("z", -3))).isEqualTo(counts("a", 3, "b", 1, "z", 3));
        assertThat(c.plus(new RedisCounter<>(redis, "d", d))).isEqualTo(counts("a", 4, "b", 3));
        assertThat(c.toMap()).isEqualTo(counts("a", 3, "b", 1)); // unchanged
    }

    @Test
    void inPlaceOperatorsRewriteTheHashAndDropNonPositiveCounts(UnifiedJedis redis) {
        RedisCounter<Object> c = new RedisCounter<>(redis, "c", counts("a", 3, "b", 1, "z", 0));
        c.plusAssign(counts("a", 1, "b", -1));
        assertThat(c.toMap()).isEqualTo(counts("a", 4)); // b reached 0 and the stored zero z went too
        c.minusAssign(counts("a", 1, "q", 5));
        assertThat(c.toMap()).isEqualTo(counts("a", 3));
        c.unionAssign(counts("a", 2, "b", 5, "n", -1));
        assertThat(c.toMap()).isEqualTo(counts("a", 3, "b", 5));
        c.intersectionAssign(counts("b", 2, "x", 9));
        assertThat(c.toMap()).isEqualTo(counts("b", 2));
        assertThat(redis.hgetAll("c")).isEqualTo(Map.of("\"b\"", "2"));
        c.intersectionAssign(Map.of());
        assertThat(redis.exists("c")).isFalse();
        assertThat(CommandStats.of(redis, () -> c.plusAssign(counts("a", 1)))).containsEntry("evalsha", 1L);
    }

    @Test
    void initialCountsRefuseAnExistingKey(UnifiedJedis redis) {
        new RedisCounter<>(redis, "c", counts("a", 1));
        assertThatThrownBy(() -> RedisCounter.builder(redis).key("c").initialData(counts("b", 1)).build())
                .isInstanceOf(KeyExistsException.class).hasMessageContaining("'c'");
        assertThat(new RedisCounter<>(redis, "c").toMap()).isEqualTo(counts("a", 1));
    }

    @Test
    void typedCodecsShareTheLayout(UnifiedJedis redis) {
        RedisCounter<String> words = RedisCounter.builder(redis).codec(JsonCodec.of(String.class)).key("w").build();
        words.update(List.of("red", "blue", "red"));
        String first = words.mostCommon(1).get(0).getKey();
        assertThat(first).isEqualTo("red");
        assertThat(new RedisCounter<>(redis, "w").get("red")).isEqualTo(2);
    }

    @Test
    void aCountThatIsNotAnIntegerIsReportedWithTheKey(UnifiedJedis redis) {
        redis.hset("bad", "\"a\"", "1.5");
        RedisCounter<Object> counter = new RedisCounter<>(redis, "bad");
        assertThatThrownBy(() -> counter.get("a")).isInstanceOf(PotteryException.class)
                .hasMessageContaining("1.5").hasMessageContaining("'bad'");
    }

    @Test
    void aKeyHoldingAnotherTypeIsReportedWithBothTypes(UnifiedJedis redis) {
        redis.sadd("set", "x");
        RedisCounter<Object> counter = new RedisCounter<>(redis, "set");
        assertThatThrownBy(() -> counter.increment("a")).isInstanceOf(PotteryException.class)
                .hasMessageContaining("hash").hasMessageContaining("holds a set");
    }

    @Test
    void nullIsAnElementAsPythonsNone(UnifiedJedis redis) {
        RedisCounter<Object> counter = new RedisCounter<>(redis, "c");
        counter.increment(null);
        assertThat(redis.hget("c", "null")).isEqualTo("1");
        assertThat(counter.get(null)).isEqualTo(1);
    }

    @Test
    void sameKeyMeansEqualAndCloseDeletesARandomKey(UnifiedJedis redis) {
        assertThat(new RedisCounter<>(redis, "a")).isEqualTo(new RedisCounter<>(redis, "a"))
                .isNotEqualTo(new RedisCounter<>(redis, "b"));
        RedisCounter<Object> temporary = new RedisCounter<>(redis);
        temporary.increment("x");
        temporary.close();
        assertThat(redis.exists(temporary.key())).isFalse();
    }
}
