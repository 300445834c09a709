package dev.pottery.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pottery.ExtendUnlockedLockException;
import dev.pottery.QuorumNotAchievedException;
import dev.pottery.ReleaseUnlockedLockException;
import dev.pottery.TooManyExtensionsException;
import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

@RedisServers(count = 5)
class RedlockTest {

    private List<UnifiedJedis> masters;

    @BeforeEach
    void setUp(RedisServerGroup group) {
        masters = group.clients();
    }

    private Redlock quick(String key) {
        return Redlock.builder(key, masters).retryDelay(Duration.ofMillis(10)).build();
    }

    @Test
    void lockExcludesEightThreadsSharingTwoRedlocksOnOneKey() throws Exception {
        Counter counter = new Counter(masters.get(0), "counter");
        counter.incrementConcurrently(8, 25, quick("printer"), quick("printer"));
        assertThat(counter.value()).isEqualTo(200);
    }

    @Test
    void holderMayReenterAndRedisKeepsOneTokenUntilTheLastUnlock() {
        Redlock lock = new Redlock("printer", masters);
        lock.lock();
        // lock() returns on a quorum: master 0's SET may still be on its way.
        String token = await().until(() -> masters.get(0).get("redlock:printer"), java.util.Objects::nonNull);
        lock.lock();
        assertThat(lock.getHoldCount()).isEqualTo(2);
        // lock() returns on a quorum; the other masters' SETs may still be on their way.
        await().untilAsserted(() -> assertThat(masters).allSatisfy(m -> assertThat(m.get("redlock:printer")).isEqualTo(token)));
        lock.unlock();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        assertThat(masters.get(0).get("redlock:printer")).isEqualTo(token);
        lock.unlock();
        assertThat(lock.isHeldByCurrentThread()).isFalse();
        await().untilAsserted(() -> assertThat(masters).allSatisfy(m -> assertThat(m.exists("redlock:printer")).isFalse()));
    }

    @Test
    void unlockWithoutHoldingThrowsIllegalMonitorState() {
        Redlock lock = new Redlock("printer", masters);
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
    }

    @Test
    void unlockByAnotherThreadThrowsIllegalMonitorStateAndKeepsTheLock() {
        Redlock lock = new Redlock("printer", masters);
        lock.lock();
        CompletableFuture<Void> other = CompletableFuture.runAsync(lock::unlock);
        assertThat(other).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IllegalMonitorStateException.class);
        assertThat(lock.locked()).isPositive();
        lock.unlock();
    }

    @Test
    void unlockAfterTheLeaseExpiredThrowsIllegalMonitorStateCausedByReleaseUnlockedLock() {
        Redlock lock = Redlock.builder("printer", masters).autoReleaseTime(Duration.ofMillis(300)).build();
        lock.lock();
        await().atMost(Duration.ofSeconds(5)).until(() -> !masters.get(0).exists("redlock:printer")
                && !masters.get(1).exists("redlock:printer") && !masters.get(2).exists("redlock:printer"));
        assertThatThrownBy(lock::unlock)
                .isInstanceOf(IllegalMonitorStateException.class)
                .hasCauseInstanceOf(ReleaseUnlockedLockException.class);
        assertThat(lock.isHeldByCurrentThread()).isFalse();
    }

    @Test
    void leaseNotReleasedIsFreeAfterTheAutoReleaseTime() {
        Redlock crashed = Redlock.builder("printer", masters).autoReleaseTime(Duration.ofMillis(500)).build();
        Redlock other = new Redlock("printer", masters);
        crashed.lock();
        assertThat(CompletableFuture.supplyAsync(other::tryLock).join()).isFalse();
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(other::tryLock);
        assertThat(other.locked()).isPositive();
        other.unlock();
    }

    @Test
    void extendKeepsTheLeaseBeyondTheAutoReleaseTime() throws InterruptedException {
        Redlock lock = Redlock.builder("printer", masters).autoReleaseTime(Duration.ofMillis(1000)).build();
        Redlock other = new Redlock("printer", masters);
        lock.lock();
        Thread.sleep(600);
        lock.extend();
        Thread.sleep(600); // 1.2 s after acquiring: without the extension the lease would be gone
        assertThat(CompletableFuture.supplyAsync(other::tryLock).join()).isFalse();
        assertThat(lock.locked()).isPositive();
        lock.unlock();
    }

    @Test
    void extendIsLimitedPerAcquisition() {
        Redlock lock = Redlock.builder("printer", masters).extensionLimit(3).build();
        lock.lock();
        lock.extend();
        lock.extend();
        lock.extend();
        assertThatThrownBy(lock::extend).isInstanceOf(TooManyExtensionsException.class)
                .hasMessageContaining("redlock:printer");
        lock.unlock();
        lock.lock();
        lock.extend(); // a new acquisition starts counting again
        lock.unlock();
    }

    @Test
    void extendWithoutHoldingOrAfterExpiryThrowsExtendUnlockedLock() {
        Redlock lock = Redlock.builder("printer", masters).autoReleaseTime(Duration.ofMillis(300)).build();
        assertThatThrownBy(lock::extend).isInstanceOf(ExtendUnlockedLockException.class);
        lock.lock();
        await().atMost(Duration.ofSeconds(5)).until(() -> lock.locked() == 0);
        assertThatThrownBy(lock::extend).isInstanceOf(ExtendUnlockedLockException.class);
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
    }

    @Test
    void lockedReportsRemainingValidityOnlyWhileHeld() {
        Redlock lock = new Redlock("printer", masters);
        assertThat(lock.locked()).isZero();
        lock.lock();
        // 10 s auto-release minus 0.1 s + 2 ms of drift allowance
        assertThat(lock.locked()).isBetween(1L, 9_898L);
        lock.unlock();
        assertThat(lock.locked()).isZero();
    }

    @Test
    void tryLockFailsWhileAnotherRedlockHoldsTheKey() {
        Redlock first = new Redlock("printer", masters);
        Redlock second = new Redlock("printer", masters);
        first.lock();
        assertThat(second.tryLock()).isFalse();
        first.unlock();
        assertThat(second.tryLock()).isTrue();
        second.unlock();
    }

    @Test
    void tryLockWithTimeoutWaitsForTheHolderToUnlock() throws Exception {
        Redlock first = new Redlock("printer", masters);
        Redlock second = quick("printer");
        first.lock();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> acquired = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                boolean got = second.tryLock(10, TimeUnit.SECONDS);
                if (got) {
                    second.unlock();
                }
                return got;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();
        Thread.sleep(100);
        first.unlock();
        assertThat(acquired.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tryLockWithTimeoutGivesUpWhileHeldElsewhere() throws InterruptedException {
        Redlock first = new Redlock("printer", masters);
        first.lock();
        assertThat(CompletableFuture.supplyAsync(() -> {
            try {
                return quick("printer").tryLock(150, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).join()).isFalse();
        first.unlock();
    }

    @Test
    void lockInterruptiblyStopsWaitingWhenInterrupted() throws Exception {
        Redlock lock = new Redlock("printer", masters);
        lock.lock();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                lock.lockInterruptibly();
                outcome.set(new AssertionError("acquired a lock held by another thread"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        waiter.start();
        await().until(() -> waiter.getState() == Thread.State.WAITING);
        waiter.interrupt();
        waiter.join(5_000);
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        lock.unlock();
    }

    @Test
    void lockInterruptiblyStopsRetryingInRedisWhenInterruptedAndFreesTheLocalQueue() throws Exception {
        Redlock holder = new Redlock("printer", masters);
        Redlock contender = new Redlock("printer", masters);
        holder.lock();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                contender.lockInterruptibly();
                outcome.set(new AssertionError("acquired a lock held elsewhere"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        waiter.start();
        await().until(() -> waiter.getState() == Thread.State.TIMED_WAITING); // pausing between attempts
        waiter.interrupt();
        waiter.join(5_000);
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        holder.unlock();
        assertThat(CompletableFuture.supplyAsync(contender::tryLock).join()).isTrue();
    }

    @Test
    void autoReleaseTimeWithinTheDriftAllowanceIsRefusedAsNeverValid() {
        assertThatThrownBy(() -> Redlock.builder("printer", masters).autoReleaseTime(Duration.ofMillis(1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("autoReleaseTime 1 ms")
                .hasMessageContaining("could never be valid");
        assertThat(masters).allSatisfy(m -> assertThat(m.exists("redlock:printer")).isFalse());
    }

    @Test
    void newConditionIsUnsupported() {
        assertThatThrownBy(() -> new Redlock("printer", masters).newCondition())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void acquireReturnsAHandleThatUnlocksOnClose() {
        Redlock lock = new Redlock("printer", masters);
        try (HeldLock held = lock.acquire()) {
            assertThat(held.redlock().isHeldByCurrentThread()).isTrue();
            assertThat(masters.stream().filter(m -> m.exists("redlock:printer")).count()).isGreaterThanOrEqualTo(3);
        }
        assertThat(lock.isHeldByCurrentThread()).isFalse();
        assertThat(masters.stream().filter(m -> m.exists("redlock:printer")).count()).isLessThanOrEqualTo(2);
    }

    @Test
    void nonBlockingAcquireThrowsQuorumNotAchievedWhileHeldElsewhere() {
        Redlock holder = new Redlock("printer", masters);
        holder.lock();
        Redlock nonBlocking = Redlock.builder("printer", masters).acquireBlocking(false).build();
        assertThatThrownBy(nonBlocking::acquire).isInstanceOf(QuorumNotAchievedException.class)
                .hasMessageContaining("redlock:printer");
        Redlock timed = Redlock.builder("printer", masters).acquireTimeout(Duration.ofMillis(100)).build();
        assertThatThrownBy(timed::acquire).isInstanceOf(QuorumNotAchievedException.class);
        holder.unlock();
    }

    @Test
    void timeoutWithNonBlockingAcquireIsRejected() {
        RedlockBuilder builder = Redlock.builder("printer", masters).acquireBlocking(false)
                .acquireTimeout(Duration.ofSeconds(1));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("can't specify a timeout for a non-blocking call");
    }

    @Test
    void synchronizeRunsCallersOneAtATimeAndReturnsTheResult() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int caller = i;
            calls.add(CompletableFuture.supplyAsync(() -> Redlock.synchronize("printer", masters, () -> {
                events.add("enter");
                sleep(50);
                events.add("exit");
                return caller;
            })));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(calls.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(events).containsExactly("enter", "exit", "enter", "exit", "enter", "exit");
    }

    @Test
    void rejectsEmptyOrRepeatedMasters() {
        assertThatThrownBy(() -> new Redlock("printer", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Redlock("printer", List.of(masters.get(0), masters.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Redlock("", masters)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
