package dev.pottery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pottery.id.NextId;
import dev.pottery.lock.Redlock;
import dev.pottery.testing.OnRedisCluster;
import dev.pottery.testing.RedisClusterGroup;
import dev.pottery.testing.RedisSentinelGroup;
import dev.pottery.testing.RedisServerGroup;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redlock and NextId whose three "masters" are three independent deployments of different kinds: a
 * Redis Cluster (through a cluster client), a Sentinel-managed master and a plain server. Each key is
 * one key per master, so it lives in one slot of the cluster.
 */
@OnRedisCluster
class CoordinationOnClusterAndSentinelTest {

    private static RedisSentinelGroup sentinel;
    private static RedisServerGroup plain;

    @BeforeAll
    static void start() {
        sentinel = RedisSentinelGroup.start();
        plain = RedisServerGroup.start(1);
    }

    @AfterAll
    static void stop() {
        if (sentinel != null) {
            sentinel.close();
        }
        if (plain != null) {
            plain.close();
        }
    }

    private static List<UnifiedJedis> masters(UnifiedJedis cluster) {
        return List.of(cluster, sentinel.client(), plain.client());
    }

    @Test
    void aRedlockOverAClusterASentinelMasterAndAServerExcludesASecondHolder(UnifiedJedis cluster) throws Exception {
        Redlock printer = new Redlock("printer", masters(cluster));
        Redlock samePrinter = new Redlock("printer", masters(cluster));
        assertThat(printer.tryLock()).isTrue();
        // tryLock returns once a quorum (2 of 3) has answered; the third SET lands moments later.
        await().atMost(5, TimeUnit.SECONDS).until(() -> cluster.get("redlock:printer") != null
                && plain.client().get("redlock:printer") != null);
        String token = cluster.get("redlock:printer");
        assertThat(sentinel.client().get("redlock:printer")).isEqualTo(token);
        assertThat(plain.client().get("redlock:printer")).isEqualTo(token);
        Thread other = new Thread(() -> assertThat(samePrinter.tryLock()).isFalse());
        other.start();
        other.join();
        printer.unlock();
        assertThat(samePrinter.tryLock()).isTrue();
        samePrinter.unlock();
    }

    @Test
    void nextIdOverTheSameThreeDeploymentsCountsUp(UnifiedJedis cluster) {
        NextId ids = new NextId("orders", masters(cluster));
        assertThat(List.of(ids.next(), ids.next(), ids.next())).containsExactly(1L, 2L, 3L);
        assertThat(ids.current()).isEqualTo(3L);
        // A claim goes to a quorum of the masters (2 of 3, more only when one refuses or fails).
        List<String> stored = List.of(String.valueOf(cluster.get("nextid:orders")),
                String.valueOf(sentinel.client().get("nextid:orders")), String.valueOf(plain.client().get("nextid:orders")));
        assertThat(stored.stream().filter("3"::equals).count()).isGreaterThanOrEqualTo(2);
        assertThat(stored).allSatisfy(value -> assertThat(value).isIn("null", "1", "2", "3"));
    }

    @Test
    void twoClientsOfOneClusterOrOneSentinelMasterAreOneMasterNotTwo(RedisClusterGroup group) {
        try (RedisClusterClient again = group.newClient(); UnifiedJedis viaSentinel = sentinel.newClient()) {
            assertThatThrownBy(() -> new Redlock("printer", List.of(group.client(), again, plain.client())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same server");
            assertThatThrownBy(() -> new NextId("orders", List.of(sentinel.client(), viaSentinel)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same server");
        }
    }
}
