package dev.pottery.collections.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pottery.internal.ElementCodec;
import dev.pottery.testing.RedisSentinelGroup;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * RedisMap on Sentinel (one master, one replica, three sentinels) while the master is killed: the map
 * keeps answering through the sentinel-backed client once the replica is promoted, and a map built with
 * {@code waitForReplicas} loses none of the writes it acknowledged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisMapFailoverTest {

    private static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(1);

    private static RedisSentinelGroup sentinel;

    @BeforeAll
    static void start() {
        sentinel = RedisSentinelGroup.start();
    }

    @AfterAll
    static void stop() {
        if (sentinel != null) {
            sentinel.close();
        }
    }

    private static RedisMap<String, Long> durable(UnifiedJedis redis, String key) {
        return RedisMap.builder(redis).key(key).keyCodec(ElementCodec.<String>natural())
                .valueCodec(ElementCodec.<Long>natural()).waitForReplicas(1, REPLICA_TIMEOUT).build();
    }

    @Test
    @Order(1)
    void anAcknowledgedDurableWriteIsAlreadyOnTheReplica() {
        RedisMap<String, Long> orders = durable(sentinel.client(), "orders");
        try (RedisClient replica = sentinel.replica().newClient()) {
            for (long i = 0; i < 20; i++) {
                orders.put("order-" + i, i);
                // no waiting here: WAIT already confirmed that the replica has the write
                assertThat(replica.hget("orders", "\"order-" + i + "\"")).isEqualTo(Long.toString(i));
            }
        }
    }

    @Test
    @Order(2)
    void writersKeepGoingThroughAFailoverAndNoAcknowledgedDurableWriteIsLost() throws Exception {
        UnifiedJedis redis = sentinel.client();
        Writer durableWriter = new Writer(durable(redis, "durable"));
        Writer plainWriter = new Writer(new RedisMap<>(redis, "plain"));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            threads.submit(durableWriter);
            threads.submit(plainWriter);
            await().atMost(10, TimeUnit.SECONDS).until(() -> durableWriter.acknowledged.size() >= 50
                    && plainWriter.acknowledged.size() >= 50);

            int oldMasterPort = sentinel.master().port();
            sentinel.master().kill();
            long acknowledgedBeforeKill = durableWriter.acknowledged.size();
            sentinel.awaitFailover(Duration.ofSeconds(30));

            // The sentinel-backed client follows the promoted replica: plain writes succeed again.
            long plainAfterFailover = plainWriter.acknowledged.size();
            await().atMost(30, TimeUnit.SECONDS).until(() -> plainWriter.acknowledged.size() >= plainAfterFailover + 50);

            // The new master has no replica until the old one comes back and follows it (as Sentinel
            // would make it do); until then every durable write fails with NotEnoughReplicasException.
            sentinel.master().restart();
            HostAndPort newMaster = sentinel.currentMaster();
            try (Jedis oldMaster = new Jedis(sentinel.master().host(), sentinel.master().port())) {
                oldMaster.replicaof(newMaster.getHost(), newMaster.getPort());
            }
            long durableAfterRejoin = durableWriter.acknowledged.size();
            await().atMost(30, TimeUnit.SECONDS).until(() -> durableWriter.acknowledged.size() >= durableAfterRejoin + 50);
            // The window is over: from now on no writer sees an error.
            long durableErrors = durableWriter.errors.get();
            long plainErrors = plainWriter.errors.get();
            long durableSoFar = durableWriter.acknowledged.size();
            long plainSoFar = plainWriter.acknowledged.size();
            await().atMost(30, TimeUnit.SECONDS).until(() -> durableWriter.acknowledged.size() >= durableSoFar + 50
                    && plainWriter.acknowledged.size() >= plainSoFar + 50);
            durableWriter.stop();
            plainWriter.stop();
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            assertThat(sentinel.currentMaster().getPort()).isNotEqualTo(oldMasterPort);
            Set<String> stored = new RedisMap<String, Long>(redis, "durable").keySet();
            assertThat(stored).as("every durable write acknowledged before or after the failover")
                    .containsAll(durableWriter.acknowledged);
            assertThat(acknowledgedBeforeKill).isPositive();
            assertThat(durableWriter.errors.get()).as("durable errors after the window").isEqualTo(durableErrors);
            assertThat(plainWriter.errors.get()).as("plain errors after the window").isEqualTo(plainErrors);
            System.out.printf("failover window: durable writer %d errors (%d acknowledged), plain writer %d errors"
                    + " (%d acknowledged)%n", durableWriter.errors.get(), durableWriter.acknowledged.size(),
                    plainWriter.errors.get(), plainWriter.acknowledged.size());
        } finally {
            durableWriter.stop();
            plainWriter.stop();
            threads.shutdownNow();
        }
    }

    /** Writes a new field after another; records what was acknowledged and counts what failed. */
    private static final class Writer implements Runnable {
        private final RedisMap<String, Long> map;
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);

        Writer(RedisMap<String, Long> map) {
            this.map = map;
        }

        void stop() {
            running.set(false);
        }

        @Override
        public void run() {
            for (long i = 0; running.get(); i++) {
                String field = "write-" + i;
                try {
                    map.fastPut(field, i);
                    acknowledged.add(field);
                } catch (RuntimeException e) {
                    // connection refused or reset, or too few replicas: retried with the next write
                    errors.incrementAndGet();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }
}
