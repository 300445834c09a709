package dev.pottery.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pottery.ExtendUnlockedLockException;
import dev.pottery.ReleaseUnlockedLockException;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The watchdog ({@code autoRenew}): a holder keeps the lock as long as it lives, and learns when it lost it. */
@RedisServers(count = 5)
class RedlockWatchdogTest {

    private static final Duration LEASE = Duration.ofSeconds(1);

    @Test
    void anotherProcessNeverGetsInWhileTheHolderLivesAndGetsInWithinOneLeaseOnceItIsKilled(RedisServerGroup group)
            throws Exception {
        List<UnifiedJedis> masters = group.clients();
        Process holder = LeaseHolder.start(group.servers().stream().map(RedisServer::port).toList());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> masters.get(0).exists("holder-ready"));
            Redlock other = Redlock.builder("printer", masters).autoReleaseTime(LEASE).build();
            long end = System.nanoTime() + 3 * LEASE.toNanos() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < end) {
                assertThat(other.tryLock()).as("acquired while the renewing holder lives").isFalse();
                Thread.sleep(50);
            }
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no unlock, no more renewals
            long killed = System.nanoTime();
            await().pollInSameThread().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(10))
                    .until(other::tryLock);
            Duration freedAfter = Duration.ofNanos(System.nanoTime() - killed);
            // The key's last renewal set a time to live of one lease; polling and a loaded machine add a little.
            assertThat(freedAfter).isLessThan(LEASE.plusMillis(1500));
            other.unlock();
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void renewalsKeepTheLeaseValidPastThreeLeasesAndStopAtUnlock(RedisServerGroup group) throws Exception {
        List<UnifiedJedis> masters = group.clients();
        Redlock lock = Redlock.builder("printer", masters).autoReleaseTime(LEASE).autoRenew(true).build();
        Redlock other = Redlock.builder("printer", masters).autoReleaseTime(LEASE).build();
        lock.lock();
        Thread.sleep(3 * LEASE.toMillis() + 300);
        assertThat(lock.holdsValidLease()).isTrue();
        assertThat(lock.locked()).isPositive();
        assertThat(CompletableFuture.supplyAsync(other::tryLock).join()).isFalse();
        lock.unlock();
        assertThat(lock.holdsValidLease()).isFalse();
        assertThat(CompletableFuture.supplyAsync(() -> {
            boolean got = other.tryLock();
            if (got) {
                other.unlock();
            }
            return got;
        }).join()).isTrue();
        // No renewal after unlock brings a lease back.
        Thread.sleep(LEASE.toMillis());
        assertThat(masters).allSatisfy(m -> assertThat(m.exists("redlock:printer")).isFalse());
    }

    @Test
    void aRenewalRefusedByAQuorumEndsTheLeaseAndTellsTheHolder(RedisServerGroup group) throws Exception {
        List<UnifiedJedis> masters = group.clients();
        CompletableFuture<ExtendUnlockedLockException> told = new CompletableFuture<>();
        Redlock lock = Redlock.builder("printer", masters).autoReleaseTime(LEASE).autoRenew(true)
                .onLeaseLost(told::complete).build();
        lock.lock();
        // The lease vanishes from every master (as after a flush, or a lease taken over after a long GC).
        await().until(() -> masters.stream().allMatch(m -> m.exists("redlock:printer")));
        masters.forEach(m -> m.del("redlock:printer"));
        ExtendUnlockedLockException lost = told.get(10, TimeUnit.SECONDS);
        assertThat(lost).hasMessageContaining("redlock:printer");
        assertThat(lock.holdsValidLease()).isFalse();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class)
                .hasCauseInstanceOf(ReleaseUnlockedLockException.class);
    }

    @Test
    void aLeaseThatCannotBeRenewedBeforeItRunsOutIsLostWhenMastersAreDown(RedisServerGroup group) throws Exception {
        CompletableFuture<ExtendUnlockedLockException> told = new CompletableFuture<>();
        Redlock lock = Redlock.builder("printer", group.clients()).autoReleaseTime(LEASE).autoRenew(true)
                .masterTimeout(Duration.ofMillis(200)).onLeaseLost(told::complete).build();
        lock.lock();
        group.get(0).kill();
        group.get(1).kill();
        group.get(2).kill();
        ExtendUnlockedLockException lost = told.get(10, TimeUnit.SECONDS);
        assertThat(lost.failedMasters()).isNotEmpty();
        assertThat(lock.holdsValidLease()).isFalse();
    }

    @Test
    void renewalsDoNotCountAgainstTheExtensionLimit(RedisServerGroup group) throws Exception {
        Redlock lock = Redlock.builder("printer", group.clients()).autoReleaseTime(LEASE).autoRenew(true)
                .extensionLimit(1).build();
        lock.lock();
        Thread.sleep(2 * LEASE.toMillis());
        lock.extend(); // renewals happened meanwhile; the one extension by hand is still allowed
        assertThat(lock.holdsValidLease()).isTrue();
        lock.unlock();
    }
}
