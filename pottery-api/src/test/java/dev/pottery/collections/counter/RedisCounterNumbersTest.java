package dev.pottery.collections.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.PotteryException;
import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * Counts are Python numbers: ints of any size and floats. The counter reads them as {@link Number}s,
 * refuses them where its API says {@code long} (naming the key and the element), and adds and compares
 * integer counts exactly however large, in one atomic script (never with Lua's doubles).
 */
@RedisServers
class RedisCounterNumbersTest {

    private static final BigInteger TWO_TO_70 = BigInteger.TWO.pow(70);
    private static final long TWO_TO_53 = 1L << 53;

    private static Map<Object, Long> counts(Object... pairs) {
        Map<Object, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return map;
    }

    /** What Python pottery stores for {@code RedisCounter({'big': 2**70, 'half': 1.5, 'n': 3})}. */
    private static RedisCounter<Object> pythonCounter(UnifiedJedis redis) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("\"big\"", "1180591620717411303424");
        fields.put("\"half\"", "1.5");
        fields.put("\"n\"", "3");
        fields.forEach((field, count) -> redis.hset("py", field, count));
        return new RedisCounter<>(redis, "py");
    }

    @Test
    void countsBeyondLongAndFractionalCountsReadAsNumbers(UnifiedJedis redis) {
        RedisCounter<Object> counter = pythonCounter(redis);
        assertThat(counter.getNumber("big")).isEqualTo(TWO_TO_70);
        assertThat(counter.getNumber("half")).isEqualTo(1.5);
        assertThat(counter.getNumber("n")).isEqualTo(3L);
        assertThat(counter.getNumber("absent")).isEqualTo(0L);
        Map<Object, Number> all = new LinkedHashMap<>();
        all.put("big", TWO_TO_70);
        all.put("half", 1.5);
        all.put("n", 3L);
        assertThat(counter.toNumberMap()).isEqualTo(all);
        // Python: sum([2**70, 1.5, 3]) == 1.1805916207174113e+21
        assertThat(counter.totalNumber()).isEqualTo(1.1805916207174113e+21);
        assertThat(counter.toString()).isEqualTo("RedisCounter{big=1180591620717411303424, n=3, half=1.5}");
    }

    @Test
    void theLongApiRefusesThemNamingTheKeyAndTheElement(UnifiedJedis redis) {
        RedisCounter<Object> counter = pythonCounter(redis);
        assertThat(counter.get("n")).isEqualTo(3);
        assertThatThrownBy(() -> counter.get("big")).isInstanceOf(PotteryException.class)
                .hasMessageContaining("element big").hasMessageContaining("1180591620717411303424")
                .hasMessageContaining("'py'").hasMessageContaining("getNumber");
        assertThatThrownBy(() -> counter.get("half")).isInstanceOf(PotteryException.class)
                .hasMessageContaining("element half").hasMessageContaining("1.5");
        assertThatThrownBy(counter::toMap).isInstanceOf(PotteryException.class).hasMessageContaining("'py'");
        assertThatThrownBy(counter::total).isInstanceOf(PotteryException.class).hasMessageContaining("totalNumber");
        assertThatThrownBy(() -> counter.mostCommon(1)).isInstanceOf(PotteryException.class);
    }

    @Test
    void hincrbyRefusesACountBeyondLongNamingTheElementAndChangesNothing(UnifiedJedis redis) {
        RedisCounter<Object> counter = pythonCounter(redis);
        assertThatThrownBy(() -> counter.increment("big")).isInstanceOf(PotteryException.class)
                .hasMessageContaining("element big").hasMessageContaining("'py'").hasMessageContaining("update(Map)");
        counter.set("max", Long.MAX_VALUE);
        assertThatThrownBy(() -> counter.increment("max")).isInstanceOf(PotteryException.class)
                .hasMessageContaining("element max");
        assertThat(counter.get("max")).isEqualTo(Long.MAX_VALUE);
        assertThat(counter.getNumber("big")).isEqualTo(TWO_TO_70);
    }

    @Test
    void updatesAddExactlyToCountsOfAnySize(UnifiedJedis redis) {
        RedisCounter<Object> counter = pythonCounter(redis);
        counter.update(counts("big", 1, "n", Long.MAX_VALUE));
        assertThat(counter.getNumber("big")).isEqualTo(TWO_TO_70.add(BigInteger.ONE));
        assertThat(redis.hget("py", "\"big\"")).isEqualTo("1180591620717411303425");
        assertThat(counter.getNumber("n")).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(3)));
        counter.subtract(counts("n", Long.MAX_VALUE, "big", Long.MAX_VALUE));
        assertThat(counter.getNumber("n")).isEqualTo(3L);
        assertThat(counter.getNumber("big")).isEqualTo(TWO_TO_70.add(BigInteger.ONE).subtract(BigInteger.valueOf(Long.MAX_VALUE)));
    }

    @Test
    void anUpdateTouchingAFloatCountIsRefusedWholeNamingTheElement(UnifiedJedis redis) {
        RedisCounter<Object> counter = pythonCounter(redis);
        Map<String, String> before = redis.hgetAll("py");
        assertThatThrownBy(() -> counter.update(counts("n", 1, "half", 1))).isInstanceOf(PotteryException.class)
                .hasMessageContaining("element half").hasMessageContaining("1.5").hasMessageContaining("nothing was written");
        assertThatThrownBy(() -> counter.intersectionAssign(counts("n", 1))).isInstanceOf(PotteryException.class)
                .hasMessageContaining("element half");
        assertThat(redis.hgetAll("py")).isEqualTo(before);
    }

    @Test
    void totalIsExactBeyond2To53AndBeyondLong(UnifiedJedis redis) {
        RedisCounter<Object> counter = new RedisCounter<>(redis, "c", counts("a", TWO_TO_53, "b", 1));
        assertThat(counter.total()).isEqualTo(9007199254740993L);
        counter.set("c", Long.MAX_VALUE);
        counter.set("d", Long.MAX_VALUE);
        counter.set("a", -1);
        counter.remove("b");
        assertThat(counter.totalNumber()).isEqualTo(new BigInteger("18446744073709551613"));
        assertThatThrownBy(counter::total).isInstanceOf(PotteryException.class).hasMessageContaining("'c'");
        counter.set("e", Long.MIN_VALUE);
        counter.set("f", Long.MIN_VALUE);
        assertThat(counter.total()).isEqualTo(-3L);
    }

    @Test
    void unionAndIntersectionCompareCountsExactlyBeyond2To53(UnifiedJedis redis) {
        RedisCounter<Object> counter = new RedisCounter<>(redis, "c", counts("a", TWO_TO_53, "b", TWO_TO_53 + 1));
        counter.unionAssign(counts("a", TWO_TO_53 + 1, "b", TWO_TO_53));
        assertThat(counter.toMap()).isEqualTo(counts("a", TWO_TO_53 + 1, "b", TWO_TO_53 + 1));
        counter.intersectionAssign(counts("a", TWO_TO_53, "b", TWO_TO_53 + 1));
        assertThat(counter.toMap()).isEqualTo(counts("a", TWO_TO_53, "b", TWO_TO_53 + 1));
        counter.intersectionAssign(counts("a", Long.MIN_VALUE, "b", -1));
        assertThat(counter.toMap()).isEmpty();
        counter.unionAssign(counts("a", Long.MAX_VALUE, "b", Long.MIN_VALUE, "c", 0));
        assertThat(counter.toMap()).isEqualTo(counts("a", Long.MAX_VALUE));
    }

    @Test
    void theInPlaceOperatorsDropFloatCountsThatAreNotPositiveAsPythonDoes(UnifiedJedis redis) {
        redis.hset("py", Map.of("\"neg\"", "-0.5", "\"pos\"", "2.5", "\"nan\"", "NaN", "\"n\"", "3"));
        RedisCounter<Object> counter = new RedisCounter<>(redis, "py");
        counter.plusAssign(counts("n", -3));
        assertThat(counter.toNumberMap()).isEqualTo(Map.of("pos", 2.5));
    }

    /**
     * 400 seeded random operations (update, subtract and the four in-place operators) on counts up to
     * 64 bits, compared after each with Python Counter's rules computed exactly with BigInteger.
     */
    @Test
    void randomOperationsMatchPythonsCounterComputedExactly(UnifiedJedis redis) {
        Random random = new Random(53);
        long[] interesting = {0, 1, -1, 7, -7, TWO_TO_53, TWO_TO_53 + 1, -TWO_TO_53 - 1, Long.MAX_VALUE, Long.MIN_VALUE + 1,
            Long.MAX_VALUE - 1, 1L << 62};
        List<String> universe = List.of("a", "b", "c", "d", "e", "f");
        RedisCounter<Object> counter = new RedisCounter<>(redis, "random");
        Map<Object, BigInteger> model = new LinkedHashMap<>();
        for (int step = 0; step < 400; step++) {
            Map<Object, Long> other = new LinkedHashMap<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                long count = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(21) - 10;
                other.put(universe.get(random.nextInt(universe.size())), count);
            }
            int operation = random.nextInt(6);
            switch (operation) {
                case 0 -> counter.update(other);
                case 1 -> counter.subtract(other);
                case 2 -> counter.plusAssign(other);
                case 3 -> counter.minusAssign(other);
                case 4 -> counter.unionAssign(other);
                default -> counter.intersectionAssign(other);
            }
            PythonCounter.apply(model, operation, other);
            Map<Object, BigInteger> actual = new LinkedHashMap<>();
            counter.toNumberMap().forEach((e, n) -> actual.put(e, new BigInteger(n.toString())));
            assertThat(actual).as("step %d: operation %d with %s", step, operation, other).isEqualTo(model);
            BigInteger total = model.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(new BigInteger(counter.totalNumber().toString())).isEqualTo(total);
        }
    }

    /** Python's Counter methods on exact integers, the reference of the random test. */
    private static final class PythonCounter {

        static void apply(Map<Object, BigInteger> model, int operation, Map<Object, Long> other) {
            switch (operation) {
                case 0, 2 -> other.forEach((e, n) -> model.merge(e, BigInteger.valueOf(n), BigInteger::add));
                case 1, 3 -> other.forEach((e, n) -> model.merge(e, BigInteger.valueOf(n).negate(), BigInteger::add));
                case 4 -> other.forEach((e, n) -> {
                    if (BigInteger.valueOf(n).compareTo(model.getOrDefault(e, BigInteger.ZERO)) > 0) {
                        model.put(e, BigInteger.valueOf(n));
                    }
                });
                default -> model.replaceAll((e, n) -> {
                    BigInteger theirs = BigInteger.valueOf(other.getOrDefault(e, 0L));
                    return theirs.compareTo(n) < 0 ? theirs : n;
                });
            }
            if (operation >= 2) {
                model.values().removeIf(n -> n.signum() <= 0);
            }
        }
    }

    /** Eight threads on two clients add 2^62 and subtract 2^62 fifty times each: exact, nothing lost. */
    @Test
    void concurrentExactUpdatesLoseNothing(RedisDeployment server) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (UnifiedJedis one = server.newClient(); UnifiedJedis two = server.newClient()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RedisCounter<Object> counter = new RedisCounter<>(t % 2 == 0 ? one : two, "shared");
                boolean adding = t < 4;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        if (adding) {
                            counter.update(counts("up", 1L << 62, "both", 1L << 62));
                        } else {
                            counter.subtract(counts("down", 1L << 62, "both", 1L << 62));
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
            RedisCounter<Object> counter = new RedisCounter<>(one, "shared");
            BigInteger twoHundredTimes = BigInteger.TWO.pow(62).multiply(BigInteger.valueOf(200));
            assertThat(counter.getNumber("up")).isEqualTo(twoHundredTimes);
            assertThat(counter.getNumber("down")).isEqualTo(twoHundredTimes.negate());
            assertThat(counter.getNumber("both")).isEqualTo(0L);
            assertThat(counter.totalNumber()).isEqualTo(0L);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Python: {@code c = Counter({'x': 0}); c.subtract({'x': -2**63})} gives {@code 2**63}; the negated
     * {@code Long.MIN_VALUE} is sent exactly, where it was a bare {@link ArithmeticException}.
     */
    @Test
    void subtractingLongMinValueAddsTwoToThe63Exactly(UnifiedJedis redis) {
        RedisCounter<Object> counter = new RedisCounter<>(redis, "min");
        counter.set("x", 0);
        counter.subtract(counts("x", Long.MIN_VALUE));
        assertThat(redis.hget("min", "\"x\"")).isEqualTo("9223372036854775808");
        counter.minusAssign(counts("x", Long.MIN_VALUE));
        assertThat(counter.getNumber("x")).isEqualTo(BigInteger.TWO.pow(64));
        assertThatThrownBy(() -> counter.decrement("x", Long.MIN_VALUE)).isInstanceOf(PotteryException.class)
                .hasMessageContaining("'min'").hasMessageContaining("element x").hasMessageContaining("subtract(Map)");
        assertThat(counter.getNumber("x")).isEqualTo(BigInteger.TWO.pow(64));
    }

    /**
     * {@code plus} and {@code minus} return {@code Map<E, Long>}: a result past a long (Python's int would
     * grow) is a {@link PotteryException} naming the key and the element, not a bare ArithmeticException.
     */
    @Test
    void localOperatorsRefuseAResultBeyondLongNamingTheKeyAndTheElement(UnifiedJedis redis) {
        redis.hset("ops", "\"a\"", Long.toString(Long.MAX_VALUE));
        redis.hset("ops", "\"b\"", Long.toString(Long.MIN_VALUE));
        RedisCounter<Object> counter = new RedisCounter<>(redis, "ops");
        assertThatThrownBy(() -> counter.plus(counts("a", 1L))).isInstanceOf(PotteryException.class)
                .hasMessageContaining("'ops'").hasMessageContaining("element a");
        assertThatThrownBy(() -> counter.minus(counts("a", -1L))).isInstanceOf(PotteryException.class)
                .hasMessageContaining("'ops'").hasMessageContaining("element a");
        assertThatThrownBy(() -> counter.minus(counts("b", 1L))).isInstanceOf(PotteryException.class)
                .hasMessageContaining("'ops'").hasMessageContaining("element b");
        assertThatThrownBy(() -> counter.minus(counts("c", Long.MIN_VALUE))).isInstanceOf(PotteryException.class)
                .hasMessageContaining("'ops'").hasMessageContaining("element c");
        // in range, the exact Python results: Counter({'a': 2**63-1, 'b': -2**63}) - Counter({'a': 1, 'c': -5})
        assertThat(counter.minus(counts("a", 1L, "c", -5L))).isEqualTo(counts("a", Long.MAX_VALUE - 1, "c", 5L));
        assertThat(counter.plus(counts("a", -1L, "b", 1L))).isEqualTo(counts("a", Long.MAX_VALUE - 1));
    }
}

