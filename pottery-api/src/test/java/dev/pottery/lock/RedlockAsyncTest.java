package dev.pottery.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pottery.QuorumNotAchievedException;
import dev.pottery.ReleaseUnlockedLockException;
import dev.pottery.TooManyExtensionsException;
import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** {@link Redlock#acquireAsync()} and {@link RedlockLease}: pottery's AIORedlock. */
@RedisServers(count = 5)
class RedlockAsyncTest {

    private List<UnifiedJedis> masters;

    @BeforeEach
    void setUp(RedisServerGroup group) {
        masters = group.clients();
    }

    private Redlock quick() {
        return Redlock.builder("printer", masters).retryDelay(Duration.ofMillis(10)).build();
    }

    @Test
    void aSecondAcquisitionCompletesOnlyAfterTheFirstLeaseIsReleased() throws Exception {
        RedlockLease first = quick().acquireAsync().get(10, TimeUnit.SECONDS);
        CompletableFuture<RedlockLease> second = quick().acquireAsync();
        Thread.sleep(200);
        assertThat(second).isNotDone();
        first.releaseAsync().get(10, TimeUnit.SECONDS);
        RedlockLease granted = second.get(10, TimeUnit.SECONDS);
        assertThat(granted.isValid()).isTrue();
        assertThat(granted.lockedAsync().get(10, TimeUnit.SECONDS)).isPositive();
        granted.close();
    }

    @Test
    void whatIsChainedOntoTheFuturesNeverRunsOnAMastersIoThread(RedisServerGroup group) throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        group.get(0).pause(); // slow enough that the stages are attached before the futures complete
        CompletableFuture<RedlockLease> acquired = quick().acquireAsync();
        RedlockLease lease = acquired.thenApply(granted -> {
            thread.set(Thread.currentThread().getName());
            return granted;
        }).get(10, TimeUnit.SECONDS);
        // A stage attached to a future already complete runs on the caller; otherwise on Pottery's callback pool.
        assertThat(thread.get()).doesNotStartWith("pottery-master").doesNotStartWith("pottery-timer");
        lease.releaseAsync().thenRun(() -> thread.set(Thread.currentThread().getName())).get(10, TimeUnit.SECONDS);
        assertThat(thread.get()).doesNotStartWith("pottery-master").doesNotStartWith("pottery-timer");
    }

    @Test
    void acquireAsyncReturnsAtOnceEvenWhenNoMasterAnswers(RedisServerGroup group) throws Exception {
        group.servers().forEach(server -> server.pause());
        long start = System.nanoTime();
        CompletableFuture<RedlockLease> pending = Redlock.builder("printer", masters)
                .masterTimeout(Duration.ofMillis(200)).acquireTimeout(Duration.ofMillis(500)).build().acquireAsync();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
        assertThat(pending).isNotDone();
        assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(QuorumNotAchievedException.class);
    }

    @Test
    void nonBlockingOrTimedAcquisitionFailsWithQuorumNotAchievedWhileHeldElsewhere() throws Exception {
        Redlock holder = new Redlock("printer", masters);
        holder.lock();
        CompletableFuture<RedlockLease> once = Redlock.builder("printer", masters).acquireBlocking(false).build()
                .acquireAsync();
        assertThatThrownBy(() -> once.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(QuorumNotAchievedException.class)
                .hasMessageContaining("redlock:printer");
        long start = System.nanoTime();
        CompletableFuture<RedlockLease> timed = Redlock.builder("printer", masters)
                .acquireTimeout(Duration.ofMillis(300)).retryDelay(Duration.ofMillis(10)).build().acquireAsync();
        assertThatThrownBy(() -> timed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(QuorumNotAchievedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        holder.unlock();
    }

    @Test
    void cancellingAWaitingAcquisitionStopsItWithoutLeavingALease() throws Exception {
        Redlock holder = new Redlock("printer", masters);
        holder.lock();
        CompletableFuture<RedlockLease> waiting = quick().acquireAsync();
        Thread.sleep(100);
        waiting.cancel(false);
        holder.unlock();
        Thread.sleep(200); // a retry scheduled before the cancel must not take the lock
        Redlock other = new Redlock("printer", masters);
        assertThat(CompletableFuture.supplyAsync(other::tryLock).join()).isTrue();
    }

    @Test
    void releasingTwiceFailsWithReleaseUnlockedLockAndExtensionsAreLimited() throws Exception {
        Redlock lock = Redlock.builder("printer", masters).extensionLimit(1).build();
        RedlockLease lease = lock.acquireAsync().get(10, TimeUnit.SECONDS);
        lease.extendAsync().get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> lease.extendAsync().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TooManyExtensionsException.class);
        lease.releaseAsync().get(10, TimeUnit.SECONDS);
        assertThat(lease.isValid()).isFalse();
        assertThat(lease.lockedAsync().get(10, TimeUnit.SECONDS)).isZero();
        assertThatThrownBy(() -> lease.releaseAsync().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ReleaseUnlockedLockException.class);
        lease.close(); // closing a released lease does nothing
    }

    @Test
    void anAsyncLeaseAndAThreadHoldExcludeEachOtherThroughRedis() throws Exception {
        Redlock lock = quick();
        RedlockLease lease = lock.acquireAsync().get(10, TimeUnit.SECONDS);
        assertThat(lock.tryLock()).isFalse();
        lease.close();
        assertThat(lock.tryLock()).isTrue();
        assertThat(lock.acquireAsync().isDone()).isFalse();
        lock.unlock();
    }

    @Test
    void anAsyncLeaseWithTheWatchdogOutlivesThreeLeases() throws Exception {
        Redlock lock = Redlock.builder("printer", masters).autoReleaseTime(Duration.ofMillis(500)).autoRenew(true).build();
        RedlockLease lease = lock.acquireAsync().get(10, TimeUnit.SECONDS);
        Thread.sleep(1_700);
        assertThat(lease.isValid()).isTrue();
        assertThat(new Redlock("printer", masters).tryLock()).isFalse();
        lease.close();
        await().until(() -> masters.stream().noneMatch(m -> m.exists("redlock:printer")));
    }
}
