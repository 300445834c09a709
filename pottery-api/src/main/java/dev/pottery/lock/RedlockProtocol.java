package dev.pottery.lock;

import dev.pottery.ExtendUnlockedLockException;
import dev.pottery.QuorumIsImpossibleException;
import dev.pottery.ReleaseUnlockedLockException;
import dev.pottery.TooManyExtensionsException;
import dev.pottery.internal.LuaScript;
import dev.pottery.internal.MasterCommand;
import dev.pottery.internal.Masters;
import dev.pottery.internal.Replies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import redis.clients.jedis.params.SetParams;

/**
 * The Redlock algorithm on the masters, without any thread bookkeeping: one attempt to acquire,
 * release, extend and the remaining-validity check, each one command sent to all masters at once.
 * Every operation returns without waiting; its future completes on a master's lane thread or the
 * shared timer. The key layout and token format are Python pottery's, so Java and Python holders
 * exclude each other.
 */
final class RedlockProtocol {

    private static final LuaScript RELEASE = LuaScript.fromResource(Redlock.class, "release.lua");
    private static final LuaScript EXTEND = LuaScript.fromResource(Redlock.class, "extend.lua");
    private static final LuaScript PTTL = LuaScript.fromResource(Redlock.class, "pttl.lua");
    private static final Long ONE = 1L;

    private final String redisKey;
    private final Masters masters;
    private final RedlockSettings settings;
    private final SetParams setIfAbsent;
    private final Duration waitForMasters;

    RedlockProtocol(String redisKey, Masters masters, RedlockSettings settings) {
        this.redisKey = redisKey;
        this.masters = masters;
        this.settings = settings;
        this.setIfAbsent = SetParams.setParams().nx().px(settings.autoReleaseTime().toMillis());
        long validity = Math.max(settings.validityNanos(), 1_000_000L);
        this.waitForMasters = Duration.ofNanos(Math.min(settings.masterTimeout().toNanos(), validity));
    }

    /**
     * One attempt: SET NX PX a fresh UUID4 token on every master at once; a lease if a quorum said yes
     * while some validity is left, else no lease and the masters that failed. What a failed attempt
     * took is given back without waiting: each master runs that release before anything sent later,
     * such as the next attempt's SET.
     *
     * <p>Fails with {@link QuorumIsImpossibleException} if errors are to be raised and more than half
     * the masters failed.
     */
    CompletableFuture<Attempt> tryAcquire() {
        String token = UUID.randomUUID().toString();
        long start = System.nanoTime();
        return masters.send(MasterCommand.set(redisKey, token, setIfAbsent), "OK"::equals, masters.quorum(),
                waitForMasters).thenApply(set -> {
                    long validUntil = start + settings.validityNanos();
                    if (set.reached() && validUntil - System.nanoTime() > 0) {
                        return new Attempt(new Lease(token, set, validUntil), set.failures());
                    }
                    masters.post(set, release(token));
                    // A master only just found stalled (on a loaded machine, maybe just slow) is worth
                    // another attempt; one that errs, times out or stays stalled counts.
                    if (settings.raiseOnRedisErrors() && set.lastingFailures(settings.masterTimeout()) > masters.size() / 2) {
                        throw new QuorumIsImpossibleException("cannot acquire the lock: more than half of the "
                                + masters.size() + " masters failed", redisKey, masters.names(), set.failures());
                    }
                    return new Attempt(null, Map.copyOf(set.failures()));
                });
    }

    /**
     * Deletes the lock on every master where it still holds the lease's token, and stops its
     * watchdog. A stalled master's release is still sent, but not waited for.
     *
     * <p>Fails with {@link ReleaseUnlockedLockException} if fewer than a quorum held it (expired,
     * lost, or masters down), or if the lease was already released.
     */
    CompletableFuture<Void> release(Lease lease) {
        if (!lease.release()) {
            return CompletableFuture.failedFuture(new ReleaseUnlockedLockException("the lease was already released",
                    redisKey, masters.names(), Map.of()));
        }
        // Unlike acquiring, releasing is not racing the lease's validity: a slow master is worth waiting
        // for (up to the lease's lifetime) rather than reporting a lock that is still held as lost.
        return masters.sendAfter(lease.acquired(), release(lease.token()), ONE::equals, masters.quorum(),
                settings.autoReleaseTime()).thenApply(released -> {
                    if (!released.reached()) {
                        throw new ReleaseUnlockedLockException("the lock was not held on a quorum of masters when"
                                + " released (its lease expired, or masters are unreachable)", redisKey, masters.names(),
                                released.failures());
                    }
                    return null;
                });
    }

    private MasterCommand<Object> release(String token) {
        return MasterCommand.script(RELEASE, redisKey, List.of(token)).mustRun();
    }

    /**
     * An extension by hand: counts against the extension limit, then {@link #renew}s.
     *
     * <p>Fails with {@link TooManyExtensionsException} past the limit, {@link ExtendUnlockedLockException}
     * if fewer than a quorum held the lease.
     */
    CompletableFuture<Void> extend(Lease lease) {
        if (!lease.countExtension(settings.extensionLimit())) {
            return CompletableFuture.failedFuture(new TooManyExtensionsException(redisKey, masters.names(),
                    settings.extensionLimit()));
        }
        return renew(lease).thenApply(extended -> {
            if (!extended.reached()) {
                throw notExtended(extended, "extended");
            }
            return null;
        });
    }

    /**
     * Resets the lease's time to live to the full auto-release time on every master where it is held;
     * on a quorum, the lease is valid again for the validity time from when this was sent.
     */
    CompletableFuture<Replies<Object>> renew(Lease lease) {
        long start = System.nanoTime();
        String pttl = Long.toString(settings.autoReleaseTime().toMillis());
        return masters.sendAfter(lease.acquired(), MasterCommand.script(EXTEND, redisKey, List.of(lease.token(), pttl)),
                ONE::equals, masters.quorum(), waitForMasters).thenApply(extended -> {
                    if (extended.reached()) {
                        lease.renewed(start + settings.validityNanos());
                    }
                    return extended;
                });
    }

    ExtendUnlockedLockException notExtended(Replies<?> extended, String verb) {
        return new ExtendUnlockedLockException("the lock was not held on a quorum of masters when " + verb
                + " (its lease expired, or masters are unreachable)", redisKey, masters.names(), extended.failures());
    }

    /** Whether a quorum can no longer hold the lease: too many masters answered that they do not. */
    boolean refusedByQuorum(Replies<?> replies) {
        return replies.refusals() > masters.size() - masters.quorum();
    }

    /**
     * The lease's remaining validity in ms, as pottery computes it: if a quorum holds the token, the
     * smallest of their remaining times to live minus the drift allowance and the time the check took;
     * otherwise 0.
     */
    CompletableFuture<Long> remainingMillis(Lease lease) {
        long start = System.nanoTime();
        return masters.sendAfter(lease.acquired(), MasterCommand.script(PTTL, redisKey, List.of(lease.token())),
                reply -> reply instanceof Long ttl && ttl > 0, masters.quorum(), waitForMasters).thenApply(ttls -> {
                    if (!ttls.reached()) {
                        return 0L;
                    }
                    long smallest = ttls.successes().stream().mapToLong(ttl -> (Long) ttl).min().orElse(0);
                    long elapsedMillis = (System.nanoTime() - start) / 1_000_000L;
                    return Math.max(smallest - settings.driftNanos() / 1_000_000L - elapsedMillis, 0);
                });
    }

    /** The outcome of one attempt to acquire: the lease (null if not acquired) and the masters that failed. */
    record Attempt(Lease lease, Map<String, String> failures) {
    }

    String redisKey() {
        return redisKey;
    }

    Masters masters() {
        return masters;
    }

    RedlockSettings settings() {
        return settings;
    }
}
