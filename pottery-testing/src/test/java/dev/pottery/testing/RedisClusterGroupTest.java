package dev.pottery.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisClusterGroupTest {

    @Test
    void threeMastersShareTheSlotsAndKeysSpreadAcrossThem() {
        try (RedisClusterGroup cluster = RedisClusterGroup.start(3)) {
            UnifiedJedis redis = cluster.client();
            Set<Integer> portsHoldingKeys = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                redis.set("key-" + i, Integer.toString(i));
            }
            for (RedisServer node : cluster.nodes()) {
                try (RedisClient direct = node.newClient()) {
                    if (direct.dbSize() > 0) {
                        portsHoldingKeys.add(node.port());
                    }
                }
            }
            assertThat(portsHoldingKeys).as("keys land on every master").hasSize(3);
            assertThat(redis.get("key-42")).isEqualTo("42");

            // Keys with the same hash tag share a slot, so multi-key commands work on them.
            assertThat(JedisClusterCRC16.getSlot("{user:1}:a")).isEqualTo(JedisClusterCRC16.getSlot("{user:1}:b"));
            redis.mset("{user:1}:a", "1", "{user:1}:b", "2");
            assertThat(redis.mget("{user:1}:a", "{user:1}:b")).containsExactly("1", "2");
            // Without a common tag, Redis refuses a multi-key command across slots.
            assertThat(JedisClusterCRC16.getSlot("key-1")).isNotEqualTo(JedisClusterCRC16.getSlot("key-2"));
            assertThatThrownBy(() -> redis.sunion("key-1", "key-2"))
                    .isInstanceOf(RuntimeException.class);

            cluster.flushAll();
            assertThat(redis.exists("key-42")).isFalse();
        }
    }
}
