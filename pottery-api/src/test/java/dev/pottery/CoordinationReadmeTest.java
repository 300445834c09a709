package dev.pottery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pottery.id.NextId;
import dev.pottery.lock.HeldLock;
import dev.pottery.lock.Redlock;
import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.RedisServers;
import dev.pottery.time.ContextTimer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The README's Redlock / NextId / ContextTimer tour (and pottery's README examples), run as written. */
@RedisServers(count = 5)
class CoordinationReadmeTest {

    @Test
    void readmeTourRunsAsWritten(RedisServerGroup group) throws Exception {
        List<UnifiedJedis> masters = group.clients();

        Redlock printer = new Redlock("printer", masters);
        assertThat(printer.locked()).isZero();
        printer.lock();
        try {
            assertThat(printer.locked()).isBetween(9_000L, 9_898L);
        } finally {
            printer.unlock();
        }
        assertThat(printer.locked()).isZero();

        try (HeldLock held = printer.acquire()) {
            held.redlock().extend();
            assertThat(held.redlock().locked()).isPositive();
        }
        assertThat(printer.isHeldByCurrentThread()).isFalse();

        int pages = Redlock.synchronize("printer", masters, () -> 3);
        assertThat(pages).isEqualTo(3);

        NextId userIds = new NextId("user-ids", masters);
        assertThat(userIds.next()).isEqualTo(1);
        assertThat(userIds.next()).isEqualTo(2);

        AtomicBoolean aborted = new AtomicBoolean();
        Redlock nightly = Redlock.builder("nightly-job", masters)
                .autoRenew(true)
                .onLeaseLost(lost -> aborted.set(true))
                .build();
        nightly.lock();
        assertThat(nightly.holdsValidLease()).isTrue();
        nightly.unlock();
        assertThat(aborted).isFalse();

        int printed = printer.acquireAsync()
                .thenCompose(lease -> CompletableFuture.supplyAsync(() -> 3)
                        .whenComplete((done, error) -> lease.releaseAsync()))
                .get(10, TimeUnit.SECONDS);
        assertThat(printed).isEqualTo(3);
        CompletableFuture<Long> next = userIds.nextAsync();
        assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(3);
        await().pollInSameThread().until(printer::tryLock); // the release above is on its way
        printer.unlock();

        try (ContextTimer timer = ContextTimer.started()) {
            Thread.sleep(20);
            assertThat(timer.elapsed()).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void lockNotReleasedReadsUnlockedAfterItsAutoReleaseTime(RedisServerGroup group) throws InterruptedException {
        // pottery: Redlock(key='printer', masters={redis}, auto_release_time=.2); time.sleep(.2); locked() is falsy
        Redlock printer = Redlock.builder("printer", group.clients()).autoReleaseTime(Duration.ofMillis(200)).build();
        printer.lock();
        assertThat(printer.locked()).isPositive();
        Thread.sleep(200);
        assertThat(printer.locked()).isZero();
    }
}
