package dev.pottery.id;

import dev.pottery.PotteryException;
import dev.pottery.QuorumNotAchievedException;
import dev.pottery.internal.MasterCommand;
import dev.pottery.internal.Masters;
import dev.pottery.internal.PotteryThreads;
import dev.pottery.internal.Replies;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

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
 * <p><b>Algorithm</b> (pottery's, after antirez): a compare-and-set script proposes the next ID to
 * a quorum of masters at once (more when one refuses or fails) and stores it where the stored number
 * is smaller; the ID is issued when a quorum stored it. Two callers proposing the same number cannot both reach a quorum (any two
 * quorums share a master), and a quorum that stored an ID refuses anything not larger, so an ID is
 * never issued twice and every ID is larger than all IDs issued before it was asked for. Concurrent
 * callers leave holes. Pottery reads the stored numbers (GET on every master) before each proposal;
 * here a refusing master answers with its stored number instead, and the proposal is retried above
 * it, so an ID costs one round trip to the masters rather than two (the safety argument needs no
 * read: see the package documentation). Numbers are compared exactly as decimal text, however large.
 *
 * <p><b>Threads.</b> Requests of one JVM on one {@code NextId} never race each other: every request
 * waiting when a claim is made shares it, as a block of consecutive IDs handed out in arrival order
 * ({@code stored < first}, then store {@code last}), and up to two claims are out at once. Every
 * guarantee above holds for each ID of a block, since all its requests were made before the claim was
 * sent; Python processes sharing the key see only a larger number. {@link #nextAsync()} requests an ID
 * without blocking the calling thread.
 *
 * <p><b>Failures.</b> A claim in which too few masters answer (errors, or no reply within the
 * master timeout; a stalled master counts as failed at once) counts as a try; after {@code tries}
 * (default 3, as pottery) {@code next()} throws {@link QuorumNotAchievedException} naming the failed
 * masters. Losing a race to another process does not use up a try: the claim is retried at once
 * above the numbers learnt (up to 1000 times in a row). IDs are Java {@code long}s: once the
 * sequence reaches {@link Long#MAX_VALUE}, {@code next()} throws {@link PotteryException}.
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
     * Issues the next ID: larger than every ID issued before this call, by anyone. Costs one script
     * per master, shared with every request of this {@code NextId} waiting at the same moment.
     *
     * @throws QuorumNotAchievedException if too few masters answered in {@code tries} attempts
     * @throws PotteryException if the sequence has reached {@link Long#MAX_VALUE}
     */
    public long next() {
        return PotteryThreads.join(claims.request());
    }

    /**
     * Requests the next ID without blocking the calling thread (pottery's {@code AIONextID}): the
     * future completes, on Pottery's callback pool, with an ID larger than every ID issued before this
     * call, or fails as {@link #next()} throws. Several requests in flight at once may complete in any
     * order; each ID still exceeds every ID issued before its own request.
     */
    public CompletableFuture<Long> nextAsync() {
        return PotteryThreads.completeOnCallbacks(claims.request());
    }

    /** The same as {@link #next()}, so that a {@code NextId} serves as a {@link LongSupplier}. */
    @Override
    public long getAsLong() {
        return next();
    }

    /**
     * The last ID issued as far as a quorum of masters knows (0 on a fresh key): GET on every master,
     * one round trip.
     *
     * @throws QuorumNotAchievedException if fewer than a quorum of masters answered
     * @throws PotteryException if a stored value is not an integer or does not fit in a long
     */
    public long current() {
        return claims.current();
    }

    /**
     * Starts the sequence again: deletes the key on every master, so the next ID is 1. As in pottery,
     * every master must succeed. Each master runs it after this generator's earlier proposals there.
     *
     * @throws QuorumNotAchievedException if a master failed (the sequence may then be partly reset)
     */
    public void reset() {
        everyMaster(MasterCommand.del(redisKey), "cannot reset the sequence");
        claims.restartAfter(0);
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
        everyMaster(MasterCommand.set(redisKey, Long.toString(lastIssued), SetParams.setParams()),
                "cannot set the sequence");
        claims.restartAfter(lastIssued);
    }

    /** The Redis key of the sequence on every master: {@code nextid:<key>}. */
    public String redisKey() {
        return redisKey;
    }

    private void everyMaster(MasterCommand<?> command, String message) {
        Replies<?> done = masters.call(command.mustRun(), reply -> true, masters.size(), masterTimeout);
        if (!done.reached()) {
            throw new QuorumNotAchievedException(message + " on every master", redisKey, masters.names(), done.failures());
        }
    }

    @Override
    public String toString() {
        return "NextId[" + redisKey + ", " + masters.size() + " masters]";
    }
}
