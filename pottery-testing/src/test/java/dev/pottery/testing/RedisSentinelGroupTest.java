package dev.pottery.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

class RedisSentinelGroupTest {

    @Test
    void killingTheMasterPromotesTheReplicaAndTheClientFollows() throws InterruptedException {
        try (RedisSentinelGroup sentinel = RedisSentinelGroup.start()) {
            assertThat(sentinel.currentMaster().getPort()).isEqualTo(sentinel.master().port());
            UnifiedJedis redis = sentinel.client();
            // WAIT counts the writes of its own connection: a pipeline keeps SET and WAIT on one.
            try (var pipeline = redis.pipelined()) {
                pipeline.set("before", "1");
                var acknowledged = pipeline.waitReplicas("before", 1, 5000);
                pipeline.sync();
                assertThat(acknowledged.get()).as("replicas that acknowledged the write").isEqualTo(1L);
            }

            sentinel.master().kill();
            sentinel.awaitFailover(Duration.ofSeconds(30));
            assertThat(sentinel.currentMaster().getPort()).isEqualTo(sentinel.replica().port());

            String value = null;
            for (int attempt = 0; attempt < 100 && value == null; attempt++) {
                try {
                    value = redis.get("before");
                } catch (JedisException switching) {
                    Thread.sleep(100);
                }
            }
            assertThat(value).as("a write acknowledged by WAIT survives the failover").isEqualTo("1");
        }
    }
}
