package dev.pottery.collections.probabilistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.KeyExistsException;
import dev.pottery.PotteryException;
import dev.pottery.collections.CommandStats;
import dev.pottery.testing.RedisServers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

@RedisServers
class HyperLogLogTest {

    @Test
    void countsDistinctElementsAsPotterysDoctest(UnifiedJedis redis) {
        HyperLogLog<Object> google = new HyperLogLog<>(redis, "google");
        assertThat(google.size()).isZero();
        assertThat(google.add("sundar")).isTrue();
        assertThat(google.add("sundar")).isFalse();
        google.addAll(List.of("sergey", "larry", "sergey"));
        assertThat(google.size()).isEqualTo(3);
    }

    @Test
    void addsTheJsonTextSoPythonAndJavaCountTheSameElement(UnifiedJedis redis) {
        redis.pfadd("shared", "\"rajiv\"", "1"); // what pottery PFADDs for 'rajiv' and 1
        HyperLogLog<Object> hll = new HyperLogLog<>(redis, "shared");
        assertThat(hll.add("rajiv")).isFalse();
        assertThat(hll.add(1L)).isFalse();
        assertThat(hll.size()).isEqualTo(2);
        assertThat(redis.type("shared")).isEqualTo("string");
        assertThat(redis.get("shared".getBytes(StandardCharsets.UTF_8))).startsWith((byte) 'H', (byte) 'Y', (byte) 'L', (byte) 'L');
    }

    @Test
    void addAllIsOnePfadd(UnifiedJedis redis) {
        HyperLogLog<Object> hll = new HyperLogLog<>(redis, "h");
        assertThat(CommandStats.of(redis, () -> hll.addAll(List.of("a", "b", "c"))))
                .isEqualTo(Map.of("pfadd", 1L));
        assertThat(CommandStats.of(redis, hll::size)).isEqualTo(Map.of("pfcount", 1L));
        assertThat(hll.addAll(List.of())).isFalse();
    }

    @Test
    void containsUsesPotterysCopyAndProbeWithoutChangingTheHll(UnifiedJedis redis) {
        HyperLogLog<Object> hll = new HyperLogLog<>(redis, "h");
        hll.addAll(List.of("alice", "bob"));
        byte[] before = redis.get("h".getBytes(StandardCharsets.UTF_8));
        assertThat(hll.contains("alice")).isTrue();
        assertThat(hll.contains("mallory")).isFalse();
        assertThat(hll.containsEach(List.of("bob", "eve", "alice"))).containsExactly(true, false, true);
        assertThat(redis.get("h".getBytes(StandardCharsets.UTF_8))).isEqualTo(before);
        assertThat(redis.keys("*")).containsExactly("h"); // the scratch key is gone
        assertThat(new HyperLogLog<>(redis, "missing").contains("alice")).isFalse();
        assertThat(redis.exists("missing")).isFalse();
    }

    @Test
    void noneIsAnElementLikeAnyOther(UnifiedJedis redis) {
        HyperLogLog<Object> hll = new HyperLogLog<>(redis, "h");
        assertThat(hll.contains(null)).isFalse();
        assertThat(hll.add(null)).isTrue();
        assertThat(hll.contains(null)).isTrue();
        assertThat(hll.containsEach(java.util.Arrays.asList(null, "x"))).containsExactly(true, false);
        // PFADD of Python's bytes for None changes nothing more
        assertThat(redis.pfadd("h", "null")).isZero();
    }

    @Test
    void containsIsOneScript(UnifiedJedis redis) {
        HyperLogLog<Object> hll = new HyperLogLog<>(redis, "h");
        hll.add("a");
        hll.contains("a");
        assertThat(CommandStats.of(redis, () -> hll.contains("a")))
                .containsEntry("evalsha", 1L).containsEntry("copy", 1L).containsEntry("pfadd", 1L)
                .doesNotContainKey("eval");
    }

    @Test
    void containsHasFewFalsePositivesOverManyElements(UnifiedJedis redis) {
        HyperLogLog<Object> hll = new HyperLogLog<>(redis, "uuids");
        List<Object> added = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            added.add(UUID.randomUUID().toString());
        }
        hll.addAll(added);
        assertThat(hll.containsEach(added)).allMatch(seen -> seen);
        List<Object> others = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            others.add(UUID.randomUUID().toString());
        }
        long falsePositives = hll.containsEach(others).stream().filter(seen -> seen).count();
        assertThat(falsePositives).isLessThanOrEqualTo(250); // pottery's test bound: 25%
        assertThat(hll.size()).isBetween(4800L, 5200L);
    }

    @Test
    void unionMergesIntoANewKeyAndLeavesTheSourcesAlone(UnifiedJedis redis) {
        HyperLogLog<Object> google = new HyperLogLog<>(redis, "google", List.of("sundar", "sergey"));
        HyperLogLog<Object> microsoft = new HyperLogLog<>(redis, "microsoft", List.of("satya", "bill"));
        HyperLogLog<Object> tech = google.union("tech", microsoft);
        assertThat(tech.key()).isEqualTo("tech");
        assertThat(tech.size()).isEqualTo(4);
        assertThat(google.size()).isEqualTo(2);
        try (HyperLogLog<Object> temporary = google.union(null, microsoft)) {
            assertThat(temporary.isTemporary()).isTrue();
            assertThat(temporary.size()).isEqualTo(4);
        }
        google.update(microsoft);
        assertThat(google.size()).isEqualTo(4);
    }

    @Test
    void theScratchKeyStaysInTheKeysClusterSlot(UnifiedJedis redis) {
        for (String key : List.of("plain", "{user:1}:visits", "odd{key", "a{}b")) {
            String scratch = new HyperLogLog<>(redis, key).scratchKey();
            assertThat(JedisClusterCRC16.getSlot(scratch)).as(scratch).isEqualTo(JedisClusterCRC16.getSlot(key));
        }
    }

    @Test
    void initialDataRefusesAnExistingKey(UnifiedJedis redis) {
        new HyperLogLog<>(redis, "h", List.of("a"));
        assertThatThrownBy(() -> HyperLogLog.builder(redis).key("h").initialData(List.of("b")).build())
                .isInstanceOf(KeyExistsException.class).hasMessageContaining("'h'");
        assertThat(new HyperLogLog<>(redis, "h").size()).isEqualTo(1);
    }

    @Test
    void aKeyHoldingAnotherTypeIsReportedWithBothTypes(UnifiedJedis redis) {
        redis.hset("hash", "f", "v");
        HyperLogLog<Object> hll = new HyperLogLog<>(redis, "hash");
        assertThatThrownBy(() -> hll.add("a")).isInstanceOf(PotteryException.class)
                .hasMessageContaining("HyperLogLog").hasMessageContaining("holds a hash");
    }

    @Test
    void aValueTheCodecCannotEncodeIsAnIllegalArgument(UnifiedJedis redis) {
        HyperLogLog<Object> hll = new HyperLogLog<>(redis, "h");
        assertThatThrownBy(() -> hll.add(new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameKeyMeansEqualAndCloseDeletesARandomKey(UnifiedJedis redis) {
        assertThat(new HyperLogLog<>(redis, "a")).isEqualTo(new HyperLogLog<>(redis, "a"))
                .isNotEqualTo(new HyperLogLog<>(redis, "b"));
        HyperLogLog<Object> temporary = new HyperLogLog<>(redis);
        temporary.add("x");
        temporary.close();
        assertThat(redis.exists(temporary.key())).isFalse();
        assertThat(temporary.toString()).startsWith("<HyperLogLog key=pottery:");
    }
}
