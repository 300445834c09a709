package dev.pottery.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

@OnRedisCluster
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnRedisClusterTest {

    @Test
    @Order(1)
    void injectsTheSharedClusterItsClientAndADeployment(RedisClusterGroup cluster, RedisDeployment deployment,
            UnifiedJedis redis) {
        assertThat(cluster.nodes()).hasSize(3);
        assertThat(deployment).isSameAs(cluster);
        assertThat(redis).isInstanceOf(RedisClusterClient.class).isSameAs(cluster.client());
        for (int i = 0; i < 30; i++) {
            redis.set("left-behind:" + i, "1");
        }
        assertThat(NodeInfo.of(redis, "keyspace")).as("one INFO per node").hasSize(3)
                .allMatch(text -> text.contains("keys="), "every node holds some of the keys");
        assertThat(NodeInfo.sum(redis, "persistence", "rdb_changes_since_last_save"))
                .as("changes summed over the nodes").isGreaterThanOrEqualTo(30);
    }

    @Test
    @Order(2)
    void everyNodeIsFlushedBeforeEachTest(UnifiedJedis redis) {
        for (int i = 0; i < 30; i++) {
            assertThat(redis.exists("left-behind:" + i)).isFalse();
        }
    }

    @Test
    @Order(3)
    void newClientsAreIndependentClusterClients(RedisDeployment deployment, UnifiedJedis shared) {
        try (UnifiedJedis second = deployment.newClient()) {
            assertThat(second).isInstanceOf(RedisClusterClient.class).isNotSameAs(shared);
            second.set("{a}x", "1");
            assertThat(shared.get("{a}x")).isEqualTo("1");
        }
    }
}
