package dev.pottery.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServers;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** One master is a valid deployment (a quorum of one), as in pottery. */
@RedisServers(count = 1)
class RedlockSingleMasterTest {

    @Test
    void oneMasterExcludesEightThreadsAndTwoRedlocks(UnifiedJedis redis) throws Exception {
        Counter counter = new Counter(redis, "counter");
        Redlock first = Redlock.builder("printer", List.of(redis)).retryDelay(java.time.Duration.ofMillis(10)).build();
        Redlock second = Redlock.builder("printer", List.of(redis)).retryDelay(java.time.Duration.ofMillis(10)).build();
        counter.incrementConcurrently(8, 25, first, second);
        assertThat(counter.value()).isEqualTo(200);
        assertThat(redis.exists("redlock:printer")).isFalse();
    }

    @Test
    void synchronizeWithARunnableHoldsTheLockWhileRunning(UnifiedJedis redis) {
        Redlock.synchronize("printer", List.of(redis), () -> assertThat(redis.exists("redlock:printer")).isTrue());
        assertThat(redis.exists("redlock:printer")).isFalse();
    }
}
