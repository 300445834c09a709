package dev.pottery.collections.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.pottery.KeyExistsException;
import dev.pottery.PotteryException;
import dev.pottery.codec.CodecException;
import dev.pottery.codec.JsonCodec;
import dev.pottery.codec.StringCodec;
import dev.pottery.collections.CommandStats;
import dev.pottery.testing.RedisServers;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

@RedisServers
class RedisMapTest {

    private static RedisMap<String, Long> longs(UnifiedJedis redis, String key) {
        return RedisMap.builder(redis).key(key).keyCodec(JsonCodec.of(String.class))
                .valueCodec(JsonCodec.of(Long.class)).build();
    }

    @Test
    void pythonsNoneAsAValueOrAKeyReadsAsNull(UnifiedJedis redis) {
        // Python: RedisDict({'a': None, None: 1}, key='py')
        redis.hset("py", Map.of("\"a\"", "null", "null", "1"));
        RedisMap<Object, Object> map = new RedisMap<>(redis, "py");
        assertThat(map.get("a")).isNull();
        assertThat(map.containsKey("a")).isTrue();
        assertThat(map.containsValue(1L)).isTrue();
        Map<Object, Object> expected = new HashMap<>();
        expected.put("a", null);
        expected.put(null, 1L);
        assertThat(map.toMap()).isEqualTo(expected);
        assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected);
        Map<Object, Object> other = new HashMap<>(Map.of("a", 2L));
        other.put(null, 1L);
        assertThat(map).isNotEqualTo(other);
        assertThatThrownBy(() -> map.get(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void putStoresPythonPotteryJsonBytes(UnifiedJedis redis) {
        RedisMap<Object, Object> map = new RedisMap<>(redis, "tel");
        map.put("a", 1);
        map.put("jack", List.of(4098, "x"));
        map.put(1, "é");
        assertThat(redis.hget("tel", "\"a\"")).isEqualTo("1");
        assertThat(redis.hget("tel", "\"jack\"")).isEqualTo("[4098, \"x\"]");
        assertThat(redis.hget("tel", "1")).isEqualTo("\"\\u00e9\"");
    }

    @Test
    void readsWhatPythonPotteryWrote(UnifiedJedis redis) {
        redis.hset("raj", Map.of("\"name\"", "\"raj\"", "\"age\"", "37", "\"tags\"", "{\"b\": 1, \"a\": [true, null]}"));
        RedisMap<String, Object> map = new RedisMap<>(redis, "raj");
        assertThat(map.get("name")).isEqualTo("raj");
        assertThat(map.get("age")).isEqualTo(37L);
        assertThat(map.get("tags")).isEqualTo(Map.of("a", java.util.Arrays.asList(true, null), "b", 1L));
        assertThat(map).hasSize(3).containsKeys("name", "age", "tags");
    }

    @Test
    void putReturnsThePreviousValueAndGetReadsIt(UnifiedJedis redis) {
        RedisMap<String, Long> map = longs(redis, "m");
        assertThat(map.put("a", 1L)).isNull();
        assertThat(map.put("a", 2L)).isEqualTo(1L);
        assertThat(map.get("a")).isEqualTo(2L);
        assertThat(map.get("missing")).isNull();
        assertThat(map.getOrDefault("missing", 7L)).isEqualTo(7L);
    }

    @Test
    void fastPutAndFastRemoveReportWhetherTheKeyWasNewOrPresent(UnifiedJedis redis) {
        RedisMap<String, Long> map = longs(redis, "m");
        assertThat(map.fastPut("a", 1L)).isTrue();
        assertThat(map.fastPut("a", 2L)).isFalse();
        assertThat(map.fastRemove("a")).isTrue();
        assertThat(map.fastRemove("a")).isFalse();
    }

    @Test
    void removeReturnsTheOldValueAndDeletesTheField(UnifiedJedis redis) {
        RedisMap<String, Long> map = longs(redis, "m");
        map.put("a", 1L);
        assertThat(map.remove("a")).isEqualTo(1L);
        assertThat(map.remove("a")).isNull();
        assertThat(redis.exists("m")).isFalse();
    }

    @Test
    void twoInstancesOnTheSameKeySeeEachOthersWrites(UnifiedJedis redis) {
        RedisMap<String, Long> one = longs(redis, "shared");
        RedisMap<String, Long> two = longs(redis, "shared");
        one.put("a", 1L);
        assertThat(two.get("a")).isEqualTo(1L);
        two.remove("a");
        assertThat(one.containsKey("a")).isFalse();
    }

    @Test
    void nullKeysValuesAndQueriesAreRejected(UnifiedJedis redis) {
        RedisMap<String, Long> map = longs(redis, "m");
        assertThatThrownBy(() -> map.put(null, 1L)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> map.put("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> map.get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> map.containsKey(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> map.containsValue(null)).isInstanceOf(NullPointerException.class);
        Map<String, Long> withNull = new HashMap<>();
        withNull.put("ok", 1L);
        withNull.put("bad", null);
        assertThatThrownBy(() -> map.putAll(withNull)).isInstanceOf(NullPointerException.class);
        assertThat(redis.exists("m")).as("nothing written before the null was found").isFalse();
    }

    @Test
    void aValueTheCodecCannotEncodeIsAnIllegalArgumentNamingTheKey(UnifiedJedis redis) {
        RedisMap<Object, Object> map = new RedisMap<>(redis, "m");
        assertThatThrownBy(() -> map.put("a", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'m'").hasMessageContaining("java.lang.Object");
        assertThat(map.get(new Object())).as("a query that cannot be encoded finds nothing").isNull();
        assertThat(map.containsKey(new Object())).isFalse();
    }

    @Test
    void storedBytesTheCodecCannotDecodeNameTheKey(UnifiedJedis redis) {
        redis.hset("m", "\"a\"", "not json");
        RedisMap<String, Object> map = new RedisMap<>(redis, "m");
        assertThatThrownBy(() -> map.get("a")).isInstanceOf(CodecException.class).hasMessageContaining("'m'");
    }

    @Test
    void aKeyHoldingAnotherTypeIsAClearErrorAndKeepsItsData(UnifiedJedis redis) {
        redis.rpush("l", "1", "2");
        RedisMap<String, Long> map = longs(redis, "l");
        assertThatThrownBy(() -> map.put("a", 1L)).isInstanceOf(PotteryException.class)
                .hasMessageContaining("'l'").hasMessageContaining("hash").hasMessageContaining("list");
        assertThatThrownBy(() -> map.get("a")).isInstanceOf(PotteryException.class).hasMessageContaining("list");
        assertThatThrownBy(map::size).isInstanceOf(PotteryException.class);
        assertThatThrownBy(map::clear).isInstanceOf(PotteryException.class).hasMessageContaining("list");
        assertThat(redis.lrange("l", 0, -1)).containsExactly("1", "2");
    }

    @Test
    void creatingWithInitialDataOnAnExistingKeyThrowsKeyExists(UnifiedJedis redis) {
        RedisMap<String, Object> created = new RedisMap<>(redis, "d", Map.of("a", 1L, "b", "two"));
        assertThat(created.toMap()).containsOnly(entry("a", 1L), entry("b", "two"));
        assertThatThrownBy(() -> new RedisMap<>(redis, "d", Map.of("c", 3L)))
                .isInstanceOf(KeyExistsException.class).hasMessageContaining("'d'");
        assertThat(created).doesNotContainKey("c");
        assertThat(new RedisMap<String, Object>(redis, "d", Map.of())).as("empty data just opens the key").hasSize(2);
    }

    @Test
    void builderWithInitialDataAlsoRefusesAnExistingKey(UnifiedJedis redis) {
        redis.hset("d", "x", "1");
        assertThatThrownBy(() -> RedisMap.builder(redis).key("d").keyCodec(StringCodec.utf8())
                .valueCodec(StringCodec.utf8()).initialData(Map.of("a", "b")).build())
                .isInstanceOf(KeyExistsException.class);
        RedisMap<String, String> raw = RedisMap.builder(redis).key("e").keyCodec(StringCodec.utf8())
                .valueCodec(StringCodec.utf8()).initialData(Map.of("a", "b")).build();
        assertThat(redis.hget("e", "a")).isEqualTo("b");
        assertThat(raw.keyCodec()).isSameAs(StringCodec.utf8());
    }

    @Test
    void aMapWithoutAKeyUsesARandomTemporaryKeyDeletedOnClose(UnifiedJedis redis) {
        String key;
        try (RedisMap<String, Object> map = new RedisMap<>(redis)) {
            key = map.key();
            assertThat(map.isTemporary()).isTrue();
            assertThat(key).matches("pottery:[0-9a-zA-Z]{16}");
            map.put("a", 1L);
            assertThat(redis.exists(key)).isTrue();
        }
        assertThat(redis.exists(key)).isFalse();
    }

    @Test
    void putAllWritesEveryFieldAndClearDeletesTheKey(UnifiedJedis redis) {
        RedisMap<String, Long> map = longs(redis, "m");
        map.putAll(Map.of("a", 1L, "b", 2L, "c", 3L));
        assertThat(map.toMap()).containsOnly(entry("a", 1L), entry("b", 2L), entry("c", 3L));
        map.putAll(Map.of());
        assertThat(map.size()).isEqualTo(3);
        assertThat(map.isEmpty()).isFalse();
        map.clear();
        assertThat(redis.exists("m")).isFalse();
        assertThat(map.isEmpty()).isTrue();
    }

    @Test
    void atomicConditionalOperationsFollowTheConcurrentMapContract(UnifiedJedis redis) {
        RedisMap<String, Long> map = longs(redis, "m");
        assertThat(map.putIfAbsent("a", 1L)).isNull();
        assertThat(map.putIfAbsent("a", 2L)).isEqualTo(1L);
        assertThat(map.replace("a", 2L, 3L)).isFalse();
        assertThat(map.replace("a", 1L, 3L)).isTrue();
        assertThat(map.replace("missing", 9L)).isNull();
        assertThat(map.containsKey("missing")).isFalse();
        assertThat(map.replace("a", 4L)).isEqualTo(3L);
        assertThat(map.remove("a", 3L)).isFalse();
        assertThat(map.remove("a", 4L)).isTrue();
        assertThat(map).isEmpty();
    }

    @Test
    void computeFamilyAndMergeStoreOrDeleteAsSpecified(UnifiedJedis redis) {
        RedisMap<String, Long> map = longs(redis, "m");
        assertThat(map.computeIfAbsent("a", k -> 10L)).isEqualTo(10L);
        assertThat(map.computeIfAbsent("a", k -> 99L)).isEqualTo(10L);
        assertThat(map.computeIfAbsent("n", k -> null)).isNull();
        assertThat(map.computeIfPresent("a", (k, v) -> v + 1)).isEqualTo(11L);
        assertThat(map.computeIfPresent("zz", (k, v) -> 1L)).isNull();
        assertThat(map.compute("b", (k, v) -> v == null ? 1L : v + 1)).isEqualTo(1L);
        assertThat(map.compute("b", (k, v) -> v == null ? 1L : v + 1)).isEqualTo(2L);
        assertThat(map.merge("b", 5L, Long::sum)).isEqualTo(7L);
        assertThat(map.merge("c", 5L, Long::sum)).isEqualTo(5L);
        assertThat(map.merge("c", 5L, (a, b) -> null)).isNull();
        assertThat(map.compute("b", (k, v) -> null)).isNull();
        assertThat(map.computeIfPresent("a", (k, v) -> null)).isNull();
        assertThat(map.toMap()).isEmpty();
    }

    @Test
    void containsValueStreamsTheHash(UnifiedJedis redis) {
        RedisMap<String, Long> map = longs(redis, "m");
        for (long i = 0; i < 1000; i++) {
            map.fastPut("k" + i, i);
        }
        assertThat(map.containsValue(999L)).isTrue();
        assertThat(map.containsValue(1000L)).isFalse();
        assertThat(map.values()).hasSize(1000).contains(0L, 500L);
    }

    @Test
    void iteratorsStreamLargeHashesAndRemoveDuringIteration(UnifiedJedis redis) {
        RedisMap<String, Long> map = longs(redis, "m");
        Map<String, Long> local = new HashMap<>();
        for (long i = 0; i < 2000; i++) {
            local.put("k" + i, i);
        }
        map.putAll(local);
        int seen = 0;
        for (Iterator<Map.Entry<String, Long>> it = map.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            assertThat(local).containsEntry(e.getKey(), e.getValue());
            seen++;
            if (e.getValue() % 2 == 0) {
                it.remove();
            }
        }
        assertThat(seen).isEqualTo(2000);
        assertThat(map).hasSize(1000);
        assertThat(map.keySet()).allMatch(k -> Long.parseLong(k.substring(1)) % 2 == 1);
        map.keySet().removeIf(k -> k.endsWith("1"));
        map.values().removeIf(v -> v % 10 == 3);
        assertThat(map.size()).isEqualTo(600);
    }

    @Test
    void entrySetValueWritesThroughAndViewsAreLive(UnifiedJedis redis) {
        RedisMap<String, Long> map = longs(redis, "m");
        map.put("a", 1L);
        Map.Entry<String, Long> entry = map.entrySet().iterator().next();
        assertThat(entry.setValue(5L)).isEqualTo(1L);
        assertThat(map.get("a")).isEqualTo(5L);
        var keys = map.keySet();
        map.put("b", 2L);
        assertThat(keys).containsExactlyInAnyOrder("a", "b");
        assertThat(map.entrySet()).contains(Map.entry("b", 2L)).doesNotContain(Map.entry("b", 3L));
        assertThat(map.entrySet().remove(Map.entry("b", 3L))).isFalse();
        assertThat(map.entrySet().remove(Map.entry("b", 2L))).isTrue();
        assertThat(keys.removeAll(List.of("a", "zz"))).isTrue();
        assertThat(map).isEmpty();
    }

    @Test
    void equalsIsTrueForTheSameKeyOtherwiseByContents(UnifiedJedis redis) {
        RedisMap<String, Long> one = longs(redis, "m");
        RedisMap<String, Long> sameKey = longs(redis, "m");
        RedisMap<String, Long> other = longs(redis, "n");
        one.put("a", 1L);
        CommandStats stats = CommandStats.start(redis);
        assertThat(one.equals(sameKey)).isTrue();
        assertThat(stats.delta()).as("same client and key: no Redis read").isEmpty();
        assertThat(one).isNotEqualTo(other);
        other.put("a", 1L);
        assertThat(one).isEqualTo(other).isEqualTo(Map.of("a", 1L)).hasSameHashCodeAs(Map.of("a", 1L));
        assertThat(Map.of("a", 1L)).isEqualTo(one);
        assertThat(one).isNotEqualTo(Map.of("a", 2L)).isNotEqualTo(List.of());
    }

    @Test
    void toStringFollowsTheMapContract(UnifiedJedis redis) {
        RedisMap<String, Long> map = longs(redis, "m");
        assertThat(map.toString()).isEqualTo("{}");
        map.put("a", 1L);
        map.put("b", 2L);
        assertThat(map.toString()).isIn("{a=1, b=2}", "{b=2, a=1}");
    }
}
