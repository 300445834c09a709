package dev.pottery.id;

import dev.pottery.PotteryException;
import dev.pottery.QuorumNotAchievedException;
import dev.pottery.internal.LuaScript;
import dev.pottery.internal.Masters;
import dev.pottery.internal.Replies;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
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
 * compare-and-set script that only ever raises the stored number; the ID is issued when a quorum
 * stored it. Two callers proposing the same number cannot both reach a quorum (any two quorums share
 * a master), and a quorum that stored an ID refuses anything not larger, so an ID is never issued
 * twice and every ID is larger than all IDs issued before it was asked for. Concurrent callers leave
 * holes. Each ID costs two fan-outs: about two round trips to the slowest master of the quorum.
 *
 * <p><b>Failures.</b> An attempt in which too few masters answer (errors, or no reply within the
 * master timeout) counts as a try; after {@code tries} (default 3, as pottery) {@code next()}
 * throws {@link QuorumNotAchievedException} naming the failed masters. Losing a race to another
 * caller does not use up a try: the caller reads again at once (up to 1000 times in a row).
 * Threads of one JVM take turns on one {@code NextId}, so they do not race each other.
 */
public final class NextId implements LongSupplier {

    /** The prefix of the sequence's Redis key, as pottery: {@code nextid:<key>}. */
    public static final String KEY_PREFIX = "nextid:";
    /** The key pottery uses when none is given. */
    public static final String DEFAULT_KEY = "current";

    private static final LuaScript PROPOSE = LuaScript.fromResource(NextId.class, "propose.lua");
    private static final int MAX_LOST_RACES = 1000;

    private final String redisKey;
    private final Masters masters;
    private final int tries;
    private final Duration masterTimeout;
    private final ReentrantLock turns = new ReentrantLock();

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
        this.tries = tries;
        this.masterTimeout = Objects.requireNonNull(masterTimeout, "masterTimeout");
    }

    /**
     * Issues the next ID: larger than every ID issued before this call, by anyone.
     *
     * @throws QuorumNotAchievedException if too few masters answered in {@code tries} attempts
     */
    public long next() {
        turns.lock();
        try {
            return issue();
        } finally {
            turns.unlock();
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
        Replies<Long> read = read();
        if (!read.reached()) {
            throw new QuorumNotAchievedException("cannot read the current ID", redisKey, masters.names(), read.failures());
        }
        return max(read);
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

    private long issue() {
        Map<String, String> failures = Map.of();
        int failedTries = 0;
        int lostRaces = 0;
        while (true) {
            Replies<Long> read = read();
            if (read.reached()) {
                long proposal = Math.addExact(max(read), 1);
                Replies<Object> write = masters.call(
                        redis -> PROPOSE.runStrings(redis, List.of(redisKey), List.of(Long.toString(proposal))),
                        reply -> Long.valueOf(1).equals(reply), masters.quorum(), masterTimeout);
                if (write.reached()) {
                    return proposal;
                }
                failures = write.failures();
                if (failures.size() <= masters.size() - masters.quorum()) {
                    // Enough masters answered: another caller took this number first. Read again.
                    if (++lostRaces < MAX_LOST_RACES) {
                        continue;
                    }
                    throw new QuorumNotAchievedException("lost the race for an ID " + MAX_LOST_RACES
                            + " times in a row", redisKey, masters.names(), failures);
                }
            } else {
                failures = read.failures();
            }
            if (++failedTries >= tries) {
                throw new QuorumNotAchievedException("no quorum of masters answered in " + tries + " tries",
                        redisKey, masters.names(), failures);
            }
        }
    }

    private Replies<Long> read() {
        return masters.call(this::storedId, reply -> true, masters.quorum(), masterTimeout);
    }

    private Long storedId(UnifiedJedis redis) {
        String stored = redis.get(redisKey);
        if (stored == null) {
            return 0L;
        }
        try {
            return Long.parseLong(stored);
        } catch (NumberFormatException e) {
            throw new PotteryException("the stored ID is not an integer: '" + stored + "'", redisKey, e);
        }
    }

    private static long max(Replies<Long> read) {
        return read.successes().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private void everyMaster(java.util.function.Function<UnifiedJedis, Object> command, String message) {
        Replies<Object> done = masters.call(command, reply -> true, masters.size(), masterTimeout);
        if (!done.reached()) {
            throw new QuorumNotAchievedException(message + " on every master", redisKey, masters.names(), done.failures());
        }
    }

    @Override
    public String toString() {
        return "NextId[" + redisKey + ", " + masters.size() + " masters]";
    }
}
