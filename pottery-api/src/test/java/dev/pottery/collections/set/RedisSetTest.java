package dev.pottery.collections.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.KeyExistsException;
import dev.pottery.PotteryException;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.CommandStats;
import dev.pottery.collections.map.RedisMap;
import dev.pottery.testing.RedisServers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

@RedisServers
class RedisSetTest {

    private static RedisSet<String> strings(UnifiedJedis redis, String key) {
        return RedisSet.builder(redis).key(key).codec(JsonCodec.of(String.class)).build();
    }

    @Test
    void membersArePythonPotteryJson(UnifiedJedis redis) {
        RedisSet<Object> set = new RedisSet<>(redis, "s");
        set.addAll(Arrays.asList("apple", 1L, 1.5, true, null, List.of(1, "a"), Map.of("b", 1, "a", 2)));
        assertThat(redis.smembers("s")).containsExactlyInAnyOrder(
                "\"apple\"", "1", "1.5", "true", "null", "[1, \"a\"]", "{\"a\": 2, \"b\": 1}");
        assertThat(set.toSet()).containsExactlyInAnyOrder("apple", 1L, 1.5, true, null, List.of(1L, "a"),
                Map.of("a", 2L, "b", 1L));
    }

    @Test
    void readsAPythonPotterySet(UnifiedJedis redis) {
        redis.sadd("fruits", "\"apple\"", "\"banana\"", "\"caf\\u00e9\"");
        RedisSet<String> fruits = strings(redis, "fruits");
        assertThat(fruits).containsExactlyInAnyOrder("apple", "banana", "café");
        assertThat(fruits.contains("café")).isTrue();
    }

    @Test
    void addRemoveContainsAndSizeWorkOneElementAtATime(UnifiedJedis redis) {
        RedisSet<String> set = strings(redis, "s");
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.add("a")).isTrue();
        assertThat(set.add("a")).isFalse();
        assertThat(set.contains("a")).isTrue();
        assertThat(set.contains("b")).isFalse();
        assertThat(set.size()).isEqualTo(1);
        assertThat(set.remove("b")).isFalse();
        assertThat(set.remove("a")).isTrue();
        assertThat(redis.exists("s")).isFalse();
    }

    @Test
    void bulkOperationsReportWhetherTheSetChanged(UnifiedJedis redis) {
        RedisSet<String> set = strings(redis, "s");
        assertThat(set.addAll(List.of())).isFalse();
        assertThat(set.addAll(List.of("a", "b", "c", "d"))).isTrue();
        assertThat(set.addAll(List.of("a", "b"))).isFalse();
        assertThat(set.containsAll(List.of("a", "b"))).isTrue();
        assertThat(set.containsAll(List.of("a", "z"))).isFalse();
        assertThat(set.containsAll(List.of())).isTrue();
        assertThat(set.removeAll(List.of("d", "z"))).isTrue();
        assertThat(set.removeAll(List.of("z"))).isFalse();
        assertThat(set.retainAll(List.of("a", "b", "z"))).isTrue();
        assertThat(set.retainAll(List.of("a", "b"))).isFalse();
        assertThat(set.toSet()).containsExactlyInAnyOrder("a", "b");
        assertThat(set.retainAll(List.of())).isTrue();
        assertThat(set).isEmpty();
    }

    @Test
    void retainAllOfALargeSetRemovesEverythingElseInOneScript(UnifiedJedis redis) {
        RedisSet<String> set = strings(redis, "s");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add("e" + i);
        }
        set.addAll(many);
        CommandStats stats = CommandStats.start(redis);
        assertThat(set.retainAll(many.subList(0, 10))).isTrue();
        assertThat(stats.delta()).containsEntry("evalsha", 1L).containsEntry("srem", 5L);
        assertThat(set).hasSize(10);
    }

    @Test
    void popRemovesAnElementAndFailsOnAnEmptySet(UnifiedJedis redis) {
        RedisSet<String> set = strings(redis, "s");
        set.add("only");
        assertThat(set.pop()).isEqualTo("only");
        assertThatThrownBy(set::pop).isInstanceOf(NoSuchElementException.class).hasMessageContaining("'s'");
    }

    @Test
    void iteratorStreamsAndRemovesDuringIteration(UnifiedJedis redis) {
        RedisSet<String> set = strings(redis, "s");
        Set<String> local = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            local.add("e" + i);
        }
        set.addAll(local);
        Set<String> seen = new HashSet<>();
        for (Iterator<String> it = set.iterator(); it.hasNext(); ) {
            String e = it.next();
            seen.add(e);
            if (e.endsWith("0")) {
                it.remove();
            }
        }
        assertThat(seen).isEqualTo(local);
        assertThat(set.size()).isEqualTo(2700);
        assertThat(set.contains("e10")).isFalse();
        Iterator<String> fresh = set.iterator();
        assertThatThrownBy(fresh::remove).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void creatingWithInitialDataOnAnExistingKeyThrowsKeyExists(UnifiedJedis redis) {
        RedisSet<Object> set = new RedisSet<>(redis, "s", List.of("a", "b"));
        assertThat(set).hasSize(2);
        assertThatThrownBy(() -> new RedisSet<>(redis, "s", List.of("c")))
                .isInstanceOf(KeyExistsException.class).hasMessageContaining("'s'");
        assertThat(set.contains("c")).isFalse();
    }

    @Test
    void aKeyHoldingAnotherTypeIsAClearError(UnifiedJedis redis) {
        redis.hset("h", "f", "v");
        RedisSet<String> set = strings(redis, "h");
        assertThatThrownBy(() -> set.add("x")).isInstanceOf(PotteryException.class)
                .hasMessageContaining("'h'").hasMessageContaining("set").hasMessageContaining("hash");
        assertThatThrownBy(set::clear).isInstanceOf(PotteryException.class).hasMessageContaining("hash");
        assertThat(redis.hget("h", "f")).isEqualTo("v");
    }

    @Test
    void anElementTheCodecCannotEncodeIsRejectedAndQueriesAnswerFalse(UnifiedJedis redis) {
        RedisSet<Object> set = new RedisSet<>(redis, "s");
        assertThatThrownBy(() -> set.add(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'s'");
        assertThat(set.contains(new Object())).isFalse();
        assertThat(set.containsAll(List.of(new Object()))).isFalse();
        assertThat(set.remove(new Object())).isFalse();
    }

    @Test
    void equalsIsTrueForTheSameKeyOtherwiseByContents(UnifiedJedis redis) {
        RedisSet<String> one = strings(redis, "s");
        RedisSet<String> sameKey = strings(redis, "s");
        one.addAll(List.of("a", "b"));
        CommandStats stats = CommandStats.start(redis);
        assertThat(one.equals(sameKey)).isTrue();
        assertThat(stats.delta()).isEmpty();
        RedisSet<String> other = strings(redis, "t");
        other.addAll(List.of("b", "a"));
        assertThat(one).isEqualTo(other).isEqualTo(Set.of("a", "b")).hasSameHashCodeAs(Set.of("a", "b"));
        assertThat(Set.of("a", "b")).isEqualTo(one);
        assertThat(one).isNotEqualTo(Set.of("a")).isNotEqualTo(Set.of("a", "c")).isNotEqualTo(List.of("a", "b"));
        assertThat(one.equals(new RedisMap<>(redis, "s"))).isFalse();
        assertThat(one.toString()).isIn("[a, b]", "[b, a]");
    }

    @Test
    void aSetWithoutAKeyIsTemporary(UnifiedJedis redis) {
        String key;
        try (RedisSet<Object> set = new RedisSet<>(redis)) {
            set.add("x");
            key = set.key();
            assertThat(redis.exists(key)).isTrue();
        }
        assertThat(redis.exists(key)).isFalse();
    }

    @Test
    void addAllCostsOneSaddAndContainsAllOneSmismember(UnifiedJedis redis) {
        RedisSet<String> set = strings(redis, "s");
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add("e" + i);
        }
        CommandStats stats = CommandStats.start(redis);
        set.addAll(batch);
        set.containsAll(batch);
        set.removeAll(batch.subList(0, 100));
        set.add("x");
        set.contains("x");
        set.size();
        assertThat(stats.delta()).containsExactlyInAnyOrderEntriesOf(
                Map.of("sadd", 2L, "smismember", 1L, "srem", 1L, "sismember", 1L, "scard", 1L));
    }
}
