package dev.pottery.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.PotteryException;
import dev.pottery.collections.counter.RedisCounter;
import dev.pottery.collections.list.RedisList;
import dev.pottery.collections.map.RedisMap;
import dev.pottery.collections.probabilistic.HyperLogLog;
import dev.pottery.collections.set.RedisSet;
import dev.pottery.testing.NodeInfo;
import dev.pottery.testing.OnRedisCluster;
import dev.pottery.testing.RedisClusterGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Operations across two user keys on a 3-master cluster: keys in different slots (here even on different
 * nodes) are combined client-side, keys sharing a hash tag in one Redis command; no cross-slot error
 * ever reaches the caller.
 */
@OnRedisCluster
class CrossSlotOnClusterTest {

    /** The master (0, 1 or 2) owning a key's slot in {@link RedisClusterGroup}'s even split. */
    private static int node(String key) {
        return JedisClusterCRC16.getSlot(key) * 3 / RedisClusterGroup.SLOTS;
    }

    private static long keysOnAllNodes(UnifiedJedis redis) {
        long keys = 0;
        for (String text : NodeInfo.of(redis, "keyspace")) {
            int at = text.indexOf("keys=");
            if (at >= 0) {
                keys += Long.parseLong(text.substring(at + 5, text.indexOf(',', at)));
            }
        }
        return keys;
    }

    @Test
    void setAlgebraAcrossNodesIsCombinedClientSide(UnifiedJedis redis) {
        assertThat(List.of(node("left"), node("right"), node("elsewhere"))).doesNotHaveDuplicates();
        RedisSet<Object> left = new RedisSet<>(redis, "left", List.of(1L, 2L, 3L));
        RedisSet<Object> right = new RedisSet<>(redis, "right", List.of(2L, 3L, 4L));
        CommandStats stats = CommandStats.start(redis);
        assertThat(left.union(right)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(left.intersection(right)).containsExactlyInAnyOrder(2L, 3L);
        assertThat(left.difference(right)).containsExactly(1L);
        RedisSet<Object> stored = left.intersectionStore("elsewhere", right);
        assertThat(stats.delta()).doesNotContainKeys("sunion", "sinter", "sdiff", "sinterstore")
                .containsEntry("smembers", 8L);
        assertThat(stored.toSet()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(left.isSubset(List.of(1L, 2L, 3L, 9L))).isTrue();
    }

    @Test
    void setAlgebraOnKeysSharingAHashTagIsOneRedisCommand(UnifiedJedis redis) {
        RedisSet<Object> left = new RedisSet<>(redis, "{fruit}.left", List.of("apple", "pear"));
        RedisSet<Object> right = new RedisSet<>(redis, "{fruit}.right", List.of("pear", "plum"));
        CommandStats stats = CommandStats.start(redis);
        RedisSet<Object> stored = left.intersectionStore("{fruit}.both", right);
        assertThat(stats.delta()).isEqualTo(Map.of("sinterstore", 1L));
        assertThat(stored.toSet()).containsExactly("pear");
    }

    @Test
    void anOperandOfAnotherTypeInAnotherSlotIsAPotteryErrorNamingIt(UnifiedJedis redis) {
        redis.rpush("right", "1");
        RedisSet<Object> left = new RedisSet<>(redis, "left", List.of(1L));
        RedisSet<Object> notASet = new RedisSet<>(redis, "right");
        assertThatThrownBy(() -> left.union(notASet)).isInstanceOf(PotteryException.class)
                .hasMessageContaining("'right'").hasMessageContaining("list");
    }

    @Test
    void hyperLogLogUnionAcrossSlotsMergesTheCopiedRegisters(UnifiedJedis redis) {
        HyperLogLog<Object> today = new HyperLogLog<>(redis, "visitors:today", List.of("ada", "bob"));
        HyperLogLog<Object> yesterday = new HyperLogLog<>(redis, "visitors:yesterday", List.of("bob", "cy"));
        assertThat(node("visitors:today")).isNotEqualTo(node("visitors:yesterday"));

        CommandStats stats = CommandStats.start(redis);
        HyperLogLog<Object> week = today.union("visitors:week", yesterday);
        assertThat(stats.delta()).containsEntry("get", 2L).containsEntry("evalsha", 1L);
        assertThat(week.size()).isEqualTo(3);
        assertThat(today.size()).isEqualTo(2);
        try (HyperLogLog<Object> temporary = today.union(null, yesterday)) {
            assertThat(temporary.size()).isEqualTo(3);
        }
        today.update(yesterday, new HyperLogLog<>(redis, "never-written"));
        assertThat(today.size()).isEqualTo(3);
        assertThat(keysOnAllNodes(redis)).as("no scratch key is left behind").isEqualTo(3);
    }

    @Test
    void hyperLogLogUnionOnKeysSharingAHashTagIsOnePfmerge(UnifiedJedis redis) {
        HyperLogLog<Object> today = new HyperLogLog<>(redis, "{visitors}:today", List.of("ada", "bob"));
        HyperLogLog<Object> yesterday = new HyperLogLog<>(redis, "{visitors}:yesterday", List.of("bob", "cy"));
        CommandStats stats = CommandStats.start(redis);
        HyperLogLog<Object> week = today.union("{visitors}:week", yesterday);
        assertThat(stats.delta()).isEqualTo(Map.of("pfmerge", 1L));
        assertThat(week.size()).isEqualTo(3);
    }

    @Test
    void mergingAStringThatIsNotAHyperLogLogFailsClearlyAndLeavesNoScratchKey(UnifiedJedis redis) {
        HyperLogLog<Object> today = new HyperLogLog<>(redis, "visitors:today", List.of("ada"));
        redis.set("visitors:yesterday", "not a HyperLogLog");
        HyperLogLog<Object> yesterday = new HyperLogLog<>(redis, "visitors:yesterday");
        assertThatThrownBy(() -> today.update(yesterday)).isInstanceOf(PotteryException.class)
                .hasMessageContaining("visitors:today");
        assertThat(keysOnAllNodes(redis)).isEqualTo(2);
        assertThat(today.size()).isEqualTo(1);
    }

    @Test
    void countersMapsAndListsCombineWithOthersInAnySlot(UnifiedJedis redis) {
        RedisCounter<Object> mine = new RedisCounter<>(redis, "left");
        RedisCounter<Object> theirs = new RedisCounter<>(redis, "right");
        mine.update(List.of("a", "a", "b"));
        theirs.update(List.of("a", "c"));
        mine.update(theirs);
        assertThat(mine.get("a")).isEqualTo(3L);
        assertThat(mine.get("c")).isEqualTo(1L);

        RedisMap<Object, Object> map = new RedisMap<>(redis, "elsewhere", Map.of("x", 1L));
        RedisMap<Object, Object> copy = new RedisMap<>(redis, "pottery");
        copy.putAll(map);
        assertThat(copy).isEqualTo(map);
        RedisList<Object> list = new RedisList<>(redis, "list", List.of(1L, 2L));
        assertThat(new RedisList<>(redis, "tech", List.of(1L, 2L))).isEqualTo(list);
    }
}
