package dev.pottery.collections.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.codec.SerializingCodec;
import dev.pottery.testing.RedisServers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code replace(k, old, new)} and {@code remove(k, old)} compare values with {@code equals}, as
 * {@code ConcurrentMap} says, also with a codec whose bytes are not canonical: Java serialization of an equal
 * HashSet is not byte-identical after a round trip (its capacity is recomputed when it is read).
 */
@RedisServers
class RedisMapValueEqualityTest {

    private static RedisMap<String, Set<Integer>> map(UnifiedJedis redis, String key) {
        return RedisMap.builder(redis).key(key).keyCodec(SerializingCodec.<String>create())
                .valueCodec(SerializingCodec.<Set<Integer>>create()).build();
    }

    private static Set<Integer> bigSet() {
        Set<Integer> set = new HashSet<>(1024);   // equal to a small one, serialized with another capacity
        set.addAll(List.of(1, 2, 3));
        return set;
    }

    @Test
    void replaceWithTheValueJustReadSucceedsThoughItsBytesDiffer(UnifiedJedis redis) {
        RedisMap<String, Set<Integer>> map = map(redis, "equality:replace");
        map.put("k", bigSet());
        Set<Integer> read = map.get("k");
        assertThat(SerializingCodec.create().encode(read)).isNotEqualTo(SerializingCodec.create().encode(bigSet()));

        assertThat(map.replace("k", read, Set.of(9))).isTrue();
        assertThat(map.get("k")).isEqualTo(Set.of(9));
        assertThat(map.replace("k", Set.of(1, 2, 3), Set.of(0))).isFalse();   // a value that is not equal
    }

    @Test
    void removeWithTheValueJustReadSucceedsThoughItsBytesDiffer(UnifiedJedis redis) {
        RedisMap<String, Set<Integer>> map = map(redis, "equality:remove");
        map.put("k", bigSet());
        assertThat(map.remove("k", Set.of(4))).isFalse();
        assertThat(map.remove("k", map.get("k"))).isTrue();
        assertThat(map.containsKey("k")).isFalse();
        assertThat(map.remove("k", Set.of(1, 2, 3))).isFalse();   // absent
    }
}
