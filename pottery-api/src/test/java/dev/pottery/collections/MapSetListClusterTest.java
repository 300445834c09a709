package dev.pottery.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.ServerOptions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The collections through a Redis Cluster client: every script touches one key, so maps and lists work
 * as on a single server; set algebra through a cluster client: keys in different hash slots are combined client-side (never a
 * CROSSSLOT error), keys sharing a hash tag run in Redis. A one-node cluster owning every slot is
 * enough: Redis still refuses multi-key commands across slots there.
 */
class MapSetListClusterTest {

    private static RedisServerGroup servers;
    private static RedisClusterClient cluster;

    @BeforeAll
    static void startOneNodeCluster() throws InterruptedException {
        servers = RedisServerGroup.start(1, ServerOptions.DEFAULT.withArgs("--cluster-enabled", "yes"));
        RedisServer node = servers.get(0);
        try (Jedis admin = new Jedis(node.host(), node.port())) {
            admin.clusterAddSlotsRange(0, 16383);
            for (int i = 0; i < 200 && !admin.clusterInfo().contains("cluster_state:ok"); i++) {
                Thread.sleep(25);
            }
        }
        cluster = RedisClusterClient.create(new HostAndPort(node.host(), node.port()));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void keysInDifferentSlotsAreCombinedClientSideInsteadOfFailingWithCrossSlot() {
        assertThat(JedisClusterCRC16.getSlot("left")).isNotEqualTo(JedisClusterCRC16.getSlot("right"));
        RedisSet<Object> left = new RedisSet<>(cluster, "left");
        RedisSet<Object> right = new RedisSet<>(cluster, "right");
        left.addAll(List.of(1L, 2L, 3L));
        right.addAll(List.of(2L, 3L, 4L));
        assertThat(left.union(right)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(left.intersection(right)).containsExactlyInAnyOrder(2L, 3L);
        assertThat(left.difference(right)).containsExactly(1L);
        RedisSet<Object> stored = left.intersectionStore("elsewhere", right);
        assertThat(stored.toSet()).containsExactlyInAnyOrder(2L, 3L);
    }

    @Test
    void keysSharingAHashTagRunInRedis() {
        RedisSet<Object> left = new RedisSet<>(cluster, "{fruit}.left");
        RedisSet<Object> right = new RedisSet<>(cluster, "{fruit}.right");
        left.addAll(List.of("apple", "pear"));
        right.addAll(List.of("pear", "plum"));
        long before = sinterstoreCalls();
        RedisSet<Object> stored = left.intersectionStore("{fruit}.both", right);
        assertThat(sinterstoreCalls()).isEqualTo(before + 1);
        assertThat(stored.toSet()).containsExactly("pear");
    }

    @Test
    void mapAndListScriptsRunThroughAClusterClient() {
        RedisMap<Object, Object> map = new RedisMap<>(cluster, "cluster-map");
        assertThat(map.put("a", 1L)).isNull();
        assertThat(map.putIfAbsent("a", 2L)).isEqualTo(1L);
        assertThat(map.merge("a", 5L, (x, y) -> (Long) x + (Long) y)).isEqualTo(6L);
        map.putAll(java.util.Map.of("b", 2L, "c", 3L));
        assertThat(map.toMap()).hasSize(3);
        assertThat(map.keySet()).containsExactlyInAnyOrder("a", "b", "c");
        RedisList<Object> list = new RedisList<>(cluster, "cluster-list", List.of(3L, 1L));
        list.add(1, 2L);
        list.sort(java.util.Comparator.comparing(o -> (Long) o));
        assertThat(list.remove(0)).isEqualTo(1L);
        assertThat(list).containsExactly(2L, 3L);
        try (RedisSet<Object> temporary = new RedisSet<>(cluster)) {
            temporary.add("x");
            assertThat(temporary.toSet()).containsExactly("x");
        }
    }

    private static long sinterstoreCalls() {
        try (RedisClient admin = servers.get(0).newClient()) {
            String stats = admin.info("commandstats");
            int at = stats.indexOf("cmdstat_sinterstore:calls=");
            if (at < 0) {
                return 0;
            }
            int start = at + "cmdstat_sinterstore:calls=".length();
            return Long.parseLong(stats.substring(start, stats.indexOf(',', start)));
        }
    }
}
