package dev.pottery.lock;

import dev.pottery.ExtendUnlockedLockException;
import dev.pottery.QuorumIsImpossibleException;
import dev.pottery.ReleaseUnlockedLockException;
import dev.pottery.internal.LuaScript;
import dev.pottery.internal.Masters;
import dev.pottery.internal.Replies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.params.SetParams;

/**
 * The Redlock algorithm on the masters, without any thread bookkeeping: one attempt to acquire,
 * release, extend and the remaining-validity check, each one fan-out to all masters at once. The
 * key layout and token format are Python pottery's, so Java and Python holders exclude each other.
 */
final class RedlockProtocol {

    private static final LuaScript RELEASE = LuaScript.fromResource(Redlock.class, "release.lua");
    private static final LuaScript EXTEND = LuaScript.fromResource(Redlock.class, "extend.lua");
    private static final LuaScript PTTL = LuaScript.fromResource(Redlock.class, "pttl.lua");

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
     * while some validity is left, else no lease (after releasing whatever was taken) and the masters
     * that failed.
     *
     * @throws QuorumIsImpossibleException if errors are to be raised and more than half the masters failed
     */
    Attempt tryAcquire() {
        String token = UUID.randomUUID().toString();
        long start = System.nanoTime();
        Replies<String> set = masters.call(redis -> redis.set(redisKey, token, setIfAbsent), "OK"::equals,
                masters.quorum(), waitForMasters);
        if (set.reached() && settings.validityNanos() - (System.nanoTime() - start) > 0) {
            return new Attempt(new Lease(token, set), set.failures());
        }
        // Give back what was taken; wait for the masters that answered, the late ones release after their SET.
        masters.callAfter(set, redis -> RELEASE.runStrings(redis, List.of(redisKey), List.of(token)), any -> true,
                set.answered(), waitForMasters);
        if (settings.raiseOnRedisErrors() && set.failures().size() > masters.size() / 2) {
            throw new QuorumIsImpossibleException("cannot acquire the lock: more than half of the "
                    + masters.size() + " masters failed", redisKey, masters.names(), set.failures());
        }
        return new Attempt(null, Map.copyOf(set.failures()));
    }

    /**
     * Deletes the lock on every master where it still holds the lease's token.
     *
     * @throws ReleaseUnlockedLockException if fewer than a quorum held it (expired, or masters down)
     */
    void release(Lease lease) {
        // Unlike acquiring, releasing is not racing the lease's validity: a slow master is worth waiting
        // for (up to the lease's lifetime, after which it would be gone anyway) rather than reporting a
        // lock that is still held as lost.
        Replies<Object> released = compareToken(lease, RELEASE, List.of(lease.token()), settings.autoReleaseTime());
        if (!released.reached()) {
            throw new ReleaseUnlockedLockException("the lock was not held on a quorum of masters when released"
                    + " (its lease expired, or masters are unreachable)", redisKey, masters.names(), released.failures());
        }
    }

    /**
     * Resets the lease's time to live to the full auto-release time on every master where it is held.
     *
     * @throws ExtendUnlockedLockException if fewer than a quorum held it
     */
    void extend(Lease lease) {
        String pttl = Long.toString(settings.autoReleaseTime().toMillis());
        Replies<Object> extended = compareToken(lease, EXTEND, List.of(lease.token(), pttl), waitForMasters);
        if (!extended.reached()) {
            throw new ExtendUnlockedLockException("the lock was not held on a quorum of masters when extended"
                    + " (its lease expired, or masters are unreachable)", redisKey, masters.names(), extended.failures());
        }
    }

    /**
     * The lease's remaining validity in ms, as pottery computes it: if a quorum holds the token, the
     * smallest of their remaining times to live minus the drift allowance and the time the check took;
     * otherwise 0.
     */
    long remainingMillis(Lease lease) {
        long start = System.nanoTime();
        Replies<Object> ttls = masters.callAfter(lease.latest(),
                redis -> PTTL.runStrings(redis, List.of(redisKey), List.of(lease.token())),
                reply -> reply instanceof Long ttl && ttl > 0, masters.quorum(), waitForMasters);
        if (!ttls.reached()) {
            return 0;
        }
        long smallest = ttls.successes().stream().mapToLong(ttl -> (Long) ttl).min().orElse(0);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000L;
        return Math.max(smallest - settings.driftNanos() / 1_000_000L - elapsedMillis, 0);
    }

    /** Runs a compare-the-token script on every master, each after the lease's previous command there. */
    private Replies<Object> compareToken(Lease lease, LuaScript script, List<String> args, Duration wait) {
        Replies<Object> replies = masters.callAfter(lease.latest(), redis -> script.runStrings(redis, List.of(redisKey), args),
                reply -> Long.valueOf(1).equals(reply), masters.quorum(), wait);
        lease.sent(replies);
        return replies;
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
}
