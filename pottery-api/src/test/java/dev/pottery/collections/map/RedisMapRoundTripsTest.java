package dev.pottery.collections.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.CommandStats;
import dev.pottery.testing.RedisServers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Counts server-side commands (INFO commandstats) to prove each operation is one round trip. */
@RedisServers
class RedisMapRoundTripsTest {

    private RedisMap<String, Long> map;
    private CommandStats stats;

    @BeforeEach
    void open(UnifiedJedis redis) {
        map = RedisMap.builder(redis).key("m").keyCodec(JsonCodec.of(String.class))
                .valueCodec(JsonCodec.of(Long.class)).build();
        // Load every script once so that EVALSHA never falls back to EVAL during a measurement.
        map.put("warm", 0L);
        map.putIfAbsent("warm", 0L);
        map.replace("warm", 0L);
        map.replace("warm", 0L, 0L);
        map.remove("warm");
        stats = CommandStats.start(redis);
    }

    @Test
    void getIsOneHget() {
        map.get("a");
        assertThat(stats.delta()).containsExactlyEntriesOf(Map.of("hget", 1L));
    }

    @Test
    void putIsOneScript() {
        map.put("a", 1L);
        assertThat(stats.delta()).containsExactlyInAnyOrderEntriesOf(Map.of("evalsha", 1L, "hget", 1L, "hset", 1L));
    }

    @Test
    void putAllOfManyEntriesIsOneHset() {
        Map<String, Long> batch = new HashMap<>();
        for (long i = 0; i < 500; i++) {
            batch.put("k" + i, i);
        }
        map.putAll(batch);
        assertThat(stats.delta()).containsExactlyEntriesOf(Map.of("hset", 1L));
    }

    @Test
    void containsKeySizeAndFastPutAreOneCommandEach() {
        map.containsKey("a");
        map.size();
        map.fastPut("a", 1L);
        map.fastRemove("a");
        assertThat(stats.delta()).containsExactlyInAnyOrderEntriesOf(
                Map.of("hexists", 1L, "hlen", 1L, "hset", 1L, "hdel", 1L));
    }

    @Test
    void putIfAbsentAndConditionalRemoveAreOneScriptEach() {
        map.putIfAbsent("a", 1L);
        assertThat(stats.delta()).containsEntry("evalsha", 1L).doesNotContainKeys("multi", "watch");
        map.remove("a", 1L);
        assertThat(stats.delta()).containsEntry("evalsha", 1L).containsEntry("hdel", 1L);
    }

    @Test
    void mergeWithoutContentionIsOneReadAndOneScript() {
        map.put("a", 1L);
        stats.delta();
        map.merge("a", 1L, Long::sum);
        assertThat(stats.delta()).containsExactlyInAnyOrderEntriesOf(Map.of("hget", 2L, "evalsha", 1L, "hset", 1L));
    }
}
