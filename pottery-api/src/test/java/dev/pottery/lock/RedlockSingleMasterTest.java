package dev.pottery.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
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

    @Test
    void unlockReleasesAfterTheMasterFlushedItsScripts(UnifiedJedis redis, RedisServer server) {
        Redlock lock = new Redlock("printer", List.of(redis));
        lock.lock();
        lock.unlock(); // the master's lane now knows release.lua to be cached there
        try (UnifiedJedis admin = server.newClient()) {
            admin.scriptFlush();
        }
        lock.lock();
        lock.unlock();
        assertThat(redis.exists("redlock:printer")).isFalse();
    }

    @Test
    void aMasterRestartedWhileIdleServesTheNextLockUnlockAndExtend(RedisServer server, UnifiedJedis shared)
            throws Exception {
        try (RedisClient redis = server.newClient()) {
            Redlock lock = new Redlock("printer", List.of(redis));
            lock.lock();
            lock.unlock();
            Thread.sleep(300); // the lane gives its connection back to the pool
            server.restart(); // without data or scripts: the pooled connections are dead
            lock.lock();
            lock.extend();
            assertThat(lock.locked()).isPositive();
            assertThat(redis.exists("redlock:printer")).isTrue();
            lock.unlock();
            assertThat(redis.exists("redlock:printer")).isFalse();
        } finally {
            // The restart left dead connections in the shared client's pool too: the next test starts clean.
            ((RedisClient) shared).getPool().clear();
        }
    }
}
