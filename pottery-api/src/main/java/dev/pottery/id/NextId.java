package dev.pottery.id;

import dev.pottery.QuorumNotAchievedException;
import dev.pottery.internal.Masters;
import dev.pottery.internal.Replies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * Increasing IDs shared by threads, processes and machines through a quorum of independent Redis
 * masters, compatible with Python pottery's {@code NextID}: both keep the last issued ID as plain
 * decimal text at {@code nextid:<key>} on every master and can draw from one sequence together.
 *
 * <pre>{@code
 * NextId userIds = new NextId("user-ids", masters);   // Redis key "nextid:user-ids"
 * long first = userIds.next();                        // 1 on a fresh key
 * long second = userIds.getAsLong();                  // 2, or more if others drew meanwhile
 * }</pre>
 *
 * <p><b>Algorithm</b> (pottery's, after antirez): read the key on every master at once and take the
 * largest of a quorum of answers (missing = 0); propose that plus one to every master at once with a
 * compare-and-set script that stores it only if the stored number is smaller; the ID is issued when
 * a quorum stored it. Two callers proposing the same number cannot both reach a quorum (any two
 * quorums share a master), and a quorum that stored an ID refuses anything not larger, so an ID is
 * never issued twice and every ID is larger than all IDs issued before it was asked for. Concurrent
 * callers leave holes. One claim costs two fan-outs: about two round trips to the slowest master of
 * the quorum.
 *
 * <p><b>Threads.</b> Threads of one JVM take turns on one {@code NextId}, so they never race each
 * other; and the thread whose turn it is claims a block of consecutive IDs for itself and every
 * thread waiting at that moment ({@code stored < first}, then store {@code last}), handing them out in
 * arrival order. Every guarantee above holds for each ID of a block, since all its requesters were
 * waiting before the claim was read; Python processes sharing the key see only a larger number.
 *
 * <p><b>Failures.</b> An attempt in which too few masters answer (errors, or no reply within the
 * master timeout) counts as a try; after {@code tries} (default 3, as pottery) {@code next()}
 * throws {@link QuorumNotAchievedException} naming the failed masters (every thread of the block
 * gets it). Losing a race to another process does not use up a try: the caller reads again at once
 * (up to 1000 times in a row).
 */
public final class NextId implements LongSupplier {

    /** The prefix of the sequence's Redis key, as pottery: {@code nextid:<key>}. */
    public static final String KEY_PREFIX = "nextid:";
    /** The key pottery uses when none is given. */
    public static final String DEFAULT_KEY = "current";

    private final String redisKey;
    private final Masters masters;
    private final Duration masterTimeout;
    private final IdClaims claims;
    /** Requests not yet served; also the monitor guarding them and {@link #serving}. */
    private final List<Request> waiting = new ArrayList<>();
    /** Whether a thread is claiming IDs, for itself and for every thread waiting when it started. */
    private boolean serving;

    /** The sequence {@code nextid:current} over the given masters. */
    public NextId(Collection<? extends UnifiedJedis> masters) {
        this(DEFAULT_KEY, masters);
    }

    /** The sequence {@code nextid:<key>} over the given masters, with 3 tries and a 1 s master timeout. */
    public NextId(String key, Collection<? extends UnifiedJedis> masters) {
        this(key, masters, 3, Duration.ofSeconds(1));
    }

    /**
     * The sequence {@code nextid:<key>} over the given masters.
     *
     * @param tries how many attempts without a quorum of answering masters to make before giving up
     * @param masterTimeout how long to wait for the masters' replies in one step; silent masters count as failed
     * @throws IllegalArgumentException if the key is empty, tries is not positive, or the masters are
     *     empty or repeat a server
     */
    public NextId(String key, Collection<? extends UnifiedJedis> masters, int tries, Duration masterTimeout) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a NextId key must not be empty");
        }
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, was " + tries);
        }
        this.redisKey = KEY_PREFIX + key;
        this.masters = new Masters(masters);
        this.masterTimeout = Objects.requireNonNull(masterTimeout, "masterTimeout");
        this.claims = new IdClaims(redisKey, this.masters, tries, masterTimeout);
    }

    /**
     * Issues the next ID: larger than every ID issued before this call, by anyone.
     *
     * @throws QuorumNotAchievedException if too few masters answered in {@code tries} attempts
     */
    public long next() {
        Request mine = new Request();
        List<Request> batch = null;
        boolean interrupted = false;
        synchronized (waiting) {
            waiting.add(mine);
            while (!mine.done && serving) {
                try {
                    waiting.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // an ID is a short wait: finish it, keep the interrupt
                }
            }
            if (!mine.done) {
                // Nobody is serving: serve everyone waiting now with one block of consecutive IDs.
                serving = true;
                batch = new ArrayList<>(waiting);
                waiting.clear();
            }
        }
        if (batch != null) {
            serve(batch);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.id;
    }

    private void serve(List<Request> batch) {
        // Kept only if an Error escapes the claim: the waiting threads must not wait for ever.
        RuntimeException failure = new IllegalStateException("claiming IDs failed unexpectedly");
        long first = 0;
        try {
            first = claims.claim(batch.size());
            failure = null;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (waiting) {
                for (int i = 0; i < batch.size(); i++) {
                    Request request = batch.get(i);
                    request.id = first + i;
                    request.failure = failure;
                    request.done = true;
                }
                serving = false;
                waiting.notifyAll();
            }
        }
    }

    /** The same as {@link #next()}, so that a {@code NextId} serves as a {@link LongSupplier}. */
    @Override
    public long getAsLong() {
        return next();
    }

    /**
     * The last ID issued as far as a quorum of masters knows (0 on a fresh key): one round trip.
     *
     * @throws QuorumNotAchievedException if fewer than a quorum of masters answered
     */
    public long current() {
        Replies<Long> read = claims.read();
        if (!read.reached()) {
            throw new QuorumNotAchievedException("cannot read the current ID", redisKey, masters.names(), read.failures());
        }
        return IdClaims.max(read);
    }

    /**
     * Starts the sequence again: deletes the key on every master, so the next ID is 1. As in pottery,
     * every master must succeed.
     *
     * @throws QuorumNotAchievedException if a master failed (the sequence may then be partly reset)
     */
    public void reset() {
        everyMaster(redis -> redis.del(redisKey), "cannot reset the sequence");
    }

    /**
     * Sets the last issued ID on every master, so the next ID is {@code lastIssued + 1}, e.g. to
     * continue a sequence imported from elsewhere. Every master must succeed.
     *
     * @throws IllegalArgumentException if {@code lastIssued} is negative
     * @throws QuorumNotAchievedException if a master failed
     */
    public void reset(long lastIssued) {
        if (lastIssued < 0) {
            throw new IllegalArgumentException("IDs are not negative, was " + lastIssued);
        }
        everyMaster(redis -> redis.set(redisKey, Long.toString(lastIssued)), "cannot set the sequence");
    }

    /** The Redis key of the sequence on every master: {@code nextid:<key>}. */
    public String redisKey() {
        return redisKey;
    }

    private void everyMaster(java.util.function.Function<UnifiedJedis, Object> command, String message) {
        // After this generator's last proposal on each master: a straggling SET must not undo the reset.
        Replies<Object> done = masters.callAfter(claims.lastWrite(), command, reply -> true, masters.size(), masterTimeout);
        if (!done.reached()) {
            throw new QuorumNotAchievedException(message + " on every master", redisKey, masters.names(), done.failures());
        }
    }

    @Override
    public String toString() {
        return "NextId[" + redisKey + ", " + masters.size() + " masters]";
    }

    /** A thread's wait for one ID; written by the serving thread under the {@code waiting} monitor. */
    private static final class Request {
        long id;
        RuntimeException failure;
        boolean done;
    }
}
