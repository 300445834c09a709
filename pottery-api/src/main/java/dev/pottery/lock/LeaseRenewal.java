package dev.pottery.lock;

import dev.pottery.ExtendUnlockedLockException;
import dev.pottery.internal.PotteryThreads;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The watchdog of one held lease ({@link RedlockBuilder#autoRenew}): every third of the auto-release
 * time it resets the lease's time to live on the masters, on the shared timer, until the lease is
 * released. A renewal that fails without being refused (masters down or slow) is retried sooner, at
 * a twelfth of the auto-release time, while the lease is still valid by the local clock. The lease is
 * lost when a quorum refuses (the token is gone from too many masters) or when it runs out before a
 * renewal succeeds; then the lease is marked lost and the listener told, once.
 */
final class LeaseRenewal {

    private final RedlockProtocol protocol;
    private final Lease lease;

    private LeaseRenewal(RedlockProtocol protocol, Lease lease) {
        this.protocol = protocol;
        this.lease = lease;
    }

    /** Starts renewing {@code lease} if the lock is set to renew automatically. */
    static void startIfEnabled(RedlockProtocol protocol, Lease lease) {
        if (protocol.settings().autoRenew()) {
            new LeaseRenewal(protocol, lease).schedule(protocol.settings().renewEveryNanos());
        }
    }

    private void schedule(long delayNanos) {
        if (!lease.isReleased()) {
            lease.scheduleRenewal(PotteryThreads.timer().schedule(this::renew, delayNanos, TimeUnit.NANOSECONDS));
        }
    }

    private void renew() {
        if (lease.isReleased()) {
            return;
        }
        protocol.renew(lease).whenComplete((replies, failure) -> {
            if (lease.isReleased()) {
                return;
            }
            long every = protocol.settings().renewEveryNanos();
            if (failure == null && replies.reached()) {
                schedule(every);
            } else if (failure == null && !protocol.refusedByQuorum(replies) && lease.isValid()) {
                long left = lease.validUntil() - System.nanoTime();
                schedule(Math.max(1, Math.min(every / 4, left / 2)));
            } else {
                lost(failure == null ? protocol.notExtended(replies, "renewed")
                        : new ExtendUnlockedLockException("renewing the lease failed: " + failure, protocol.redisKey(),
                                protocol.masters().names(), Map.of()));
            }
        });
    }

    private void lost(ExtendUnlockedLockException why) {
        lease.lose();
        PotteryThreads.callbacks().execute(() -> protocol.settings().onLeaseLost().accept(why));
    }

    @Override
    public String toString() {
        return "LeaseRenewal[" + protocol.redisKey() + "]";
    }
}
