package dev.pottery.collections.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.NotEnoughReplicasException;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code waitForReplicas} on a server without replicas: every kind of write (command or script) still
 * happens on the master, WAIT answers 0, and the caller gets a {@link NotEnoughReplicasException}
 * instead of a silent "done". The Sentinel failover test shows the acknowledged case.
 */
@RedisServers
class RedisMapDurabilityTest {

    private static RedisMap<Object, Object> durable(UnifiedJedis redis) {
        return RedisMap.builder(redis).key("orders").waitForReplicas(1, Duration.ofMillis(20)).build();
    }

    @Test
    void aWriteNoReplicaConfirmsIsAppliedButReportedAsNotDurable(UnifiedJedis redis) {
        RedisMap<Object, Object> orders = durable(redis);
        assertThatThrownBy(() -> orders.fastPut("a", 1L)).isInstanceOfSatisfying(NotEnoughReplicasException.class, e -> {
            assertThat(e.acknowledged()).isZero();
            assertThat(e.required()).isEqualTo(1);
            assertThat(e).hasMessageContaining("orders").hasMessageContaining("0 of 1");
        });
        assertThat(redis.hget("orders", "\"a\"")).isEqualTo("1");
    }

    @Test
    void scriptedWritesWaitTooEvenWhenTheServerMustFirstLoadTheScript(UnifiedJedis redis) {
        RedisMap<Object, Object> orders = durable(redis);
        redis.scriptFlush(); // the first EVALSHA answers NOSCRIPT; the write is retried with EVAL + WAIT
        assertThatThrownBy(() -> orders.putIfAbsent("a", 1L)).isInstanceOf(NotEnoughReplicasException.class);
        assertThatThrownBy(() -> orders.put("a", 2L)).isInstanceOf(NotEnoughReplicasException.class);
        assertThatThrownBy(() -> orders.putAll(Map.of("b", 3L, "c", 4L))).isInstanceOf(NotEnoughReplicasException.class);
        assertThatThrownBy(() -> orders.remove("c")).isInstanceOf(NotEnoughReplicasException.class);
        assertThat(new RedisMap<>(redis, "orders").toMap()).isEqualTo(Map.of("a", 2L, "b", 3L));
        assertThatThrownBy(orders::clear).isInstanceOf(NotEnoughReplicasException.class);
        assertThat(redis.exists("orders")).isFalse();
    }

    @Test
    void readsDoNotWait(UnifiedJedis redis) {
        redis.hset("orders", "\"a\"", "1");
        RedisMap<Object, Object> orders = durable(redis);
        assertThat(orders.get("a")).isEqualTo(1L);
        assertThat(orders).hasSize(1).containsKey("a");
    }

    @Test
    void aWrongTypeIsStillReportedAsSuch(UnifiedJedis redis) {
        redis.set("orders", "text");
        assertThatThrownBy(() -> durable(redis).fastPut("a", 1L)).isNotInstanceOf(NotEnoughReplicasException.class)
                .hasMessageContaining("RedisMap needs a Redis hash but the key holds a string");
    }

    @Test
    void nonsensicalDurabilitySettingsAreRefused(UnifiedJedis redis) {
        assertThatThrownBy(() -> RedisMap.builder(redis).waitForReplicas(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RedisMap.builder(redis).waitForReplicas(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
    }
}
