package dev.pottery.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pottery.QuorumIsImpossibleException;
import dev.pottery.QuorumNotAchievedException;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** Redlock with masters killed (SIGKILL) or paused (SIGSTOP): a quorum suffices, less fails clearly. */
@RedisServers(count = 5)
class RedlockFaultTest {

    private static String endpoint(RedisServer server) {
        return server.host() + ":" + server.port();
    }

    @Test
    void mutualExclusionHoldsWhenOneMasterIsKilledAndAnotherPausedMidRun(RedisServerGroup group) throws Exception {
        List<UnifiedJedis> masters = group.clients();
        Counter counter = new Counter(masters.get(4), "counter");
        // A split vote waits for the paused master until the master timeout: keep that short here.
        Redlock first = Redlock.builder("printer", masters).retryDelay(Duration.ofMillis(10))
                .masterTimeout(Duration.ofMillis(300)).build();
        Redlock second = Redlock.builder("printer", masters).retryDelay(Duration.ofMillis(10))
                .masterTimeout(Duration.ofMillis(300)).build();
        // A lease taken with exactly the masters that then die is lost (Redlock's limit), and its unlock
        // says so; the increments are still all made under the lock, so none is lost.
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            try {
                return counter.incrementConcurrentlyCountingLostLeases(8, 30, first, second);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (counter.value() < 60 && !run.isDone()) {
            Thread.sleep(5);
        }
        group.get(0).kill();
        group.get(1).pause();
        int lostLeases = run.get(60, TimeUnit.SECONDS);
        assertThat(counter.value()).isEqualTo(240);
        assertThat(lostLeases).as("leases reported lost at unlock").isLessThanOrEqualTo(8);
    }

    @Test
    void acquiresWithTwoOfFiveMastersKilled(RedisServerGroup group) {
        group.get(0).kill();
        group.get(3).kill();
        Redlock lock = new Redlock("printer", group.clients());
        lock.lock();
        assertThat(lock.locked()).isPositive();
        // The three live masters hold it (lock() returns on a quorum, so the last SET may still be landing).
        await().untilAsserted(() -> assertThat(List.of(1, 2, 4)).allSatisfy(i ->
                assertThat(group.clients().get(i).exists("redlock:printer")).isTrue()));
        lock.unlock();
        await().untilAsserted(() -> assertThat(List.of(1, 2, 4)).allSatisfy(i ->
                assertThat(group.clients().get(i).exists("redlock:printer")).isFalse()));
    }

    @Test
    void twoPausedMastersDoNotStallAcquireBeyondTheMasterTimeout(RedisServerGroup group) {
        // The clients' socket timeout is 2 s: waiting for a paused master would outlast the 1 s lease.
        Redlock lock = Redlock.builder("printer", group.clients()).autoReleaseTime(Duration.ofSeconds(1)).build();
        group.get(1).pause();
        group.get(2).pause();
        assertThat(lock.tryLock()).isTrue();
        assertThat(lock.locked()).isPositive();
        lock.unlock();
    }

    @Test
    void threeKilledMastersMakeLockFailFastNamingThem(RedisServerGroup group) {
        Redlock lock = new Redlock("printer", group.clients());
        group.get(0).kill();
        group.get(2).kill();
        group.get(4).kill();
        assertThatThrownBy(lock::lock)
                .isInstanceOfSatisfying(QuorumIsImpossibleException.class, e -> assertThat(e.failedMasters())
                        .containsExactly(endpoint(group.get(0)), endpoint(group.get(2)), endpoint(group.get(4))))
                .hasMessageContaining(endpoint(group.get(2)))
                .hasMessageContaining("redlock:printer");
        assertThat(lock.isHeldByCurrentThread()).isFalse();
        // What was taken on the two live masters is given back (by the SET's own task if it was late).
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(group.clients().get(1).exists("redlock:printer")).isFalse();
            assertThat(group.clients().get(3).exists("redlock:printer")).isFalse();
        });
    }

    @Test
    void threePausedMastersMakeAcquireThrowQuorumNotAchievedNamingThem(RedisServerGroup group) {
        Redlock lock = Redlock.builder("printer", group.clients()).masterTimeout(Duration.ofMillis(300)).build();
        group.get(1).pause();
        group.get(2).pause();
        group.get(3).pause();
        assertThatThrownBy(lock::acquire)
                .isInstanceOfSatisfying(QuorumNotAchievedException.class, e -> assertThat(e.failedMasters())
                        .containsExactly(endpoint(group.get(1)), endpoint(group.get(2)), endpoint(group.get(3))))
                .hasMessageContaining("no reply");
    }

    @Test
    void withoutRaisingOnRedisErrorsTryLockJustFailsWhenMastersAreDown(RedisServerGroup group) {
        Redlock lock = Redlock.builder("printer", group.clients()).raiseOnRedisErrors(false).build();
        group.get(0).kill();
        group.get(1).kill();
        group.get(2).kill();
        assertThat(lock.tryLock()).isFalse();
        assertThat(lock.isHeldByCurrentThread()).isFalse();
    }

    @Test
    void unlockAfterLosingTheQuorumThrowsRatherThanSucceedingSilently(RedisServerGroup group) {
        Redlock lock = new Redlock("printer", group.clients());
        lock.lock();
        group.get(0).kill();
        group.get(1).kill();
        group.get(2).kill();
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class)
                .cause().hasMessageContaining(endpoint(group.get(1)));
        assertThat(lock.isHeldByCurrentThread()).isFalse();
    }

    @Test
    void theFirstLockAfterTheServersClosedIdleConnectionsSucceeds(RedisServerGroup group) throws Exception {
        // A server closing idle connections (its `timeout`) or restarting leaves dead ones in the pool:
        // a lock must not fail on them while every master is up.
        List<RedisClient> masters = List.of(namedClient(group.get(0)), namedClient(group.get(1)),
                namedClient(group.get(2)));
        try {
            Redlock lock = new Redlock("printer", masters);
            lock.lock();
            lock.unlock();
            Thread.sleep(300); // the lanes give their connections back to the pools
            for (int i = 0; i < 3; i++) {
                assertThat(group.get(i).closeConnectionsOf(STALE)).isPositive();
            }
            lock.lock();
            assertThat(masters).allSatisfy(master -> assertThat(master.exists("redlock:printer")).isTrue());
            lock.unlock();
            assertThat(masters).allSatisfy(master -> assertThat(master.exists("redlock:printer")).isFalse());
        } finally {
            masters.forEach(RedisClient::close);
        }
    }

    private static final String STALE = "stale-after-idle";

    private static RedisClient namedClient(RedisServer server) {
        return server.newClient(DefaultJedisClientConfig.builder().clientName(STALE).build());
    }

}
