package dev.pottery.id;

import dev.pottery.PotteryException;
import dev.pottery.QuorumNotAchievedException;
import dev.pottery.internal.LuaScript;
import dev.pottery.internal.Masters;
import dev.pottery.internal.Replies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * Pottery's NextID algorithm on the masters, for a block of consecutive IDs: read the last issued ID
 * from a quorum (the largest answer), then claim the next {@code count} IDs on every master with a
 * compare-and-set script; the block is ours when a quorum accepted it. Pottery claims blocks of one.
 */
final class IdClaims {

    private static final LuaScript PROPOSE = LuaScript.fromResource(NextId.class, "propose.lua");
    private static final int MAX_LOST_RACES = 1000;

    private final String redisKey;
    private final Masters masters;
    private final int tries;
    private final Duration masterTimeout;
    /** The latest proposal sent; it may still be landing on some masters after a quorum accepted it. */
    private volatile Replies<?> lastWrite;

    IdClaims(String redisKey, Masters masters, int tries, Duration masterTimeout) {
        this.redisKey = redisKey;
        this.masters = masters;
        this.tries = tries;
        this.masterTimeout = masterTimeout;
    }

    /**
     * Claims {@code count} consecutive IDs, all larger than any ID issued before this call; returns the first.
     *
     * @throws QuorumNotAchievedException after {@code tries} attempts without a quorum of answering masters
     */
    long claim(int count) {
        Map<String, String> failures = Map.of();
        int failedTries = 0;
        int lostRaces = 0;
        while (true) {
            Replies<Long> read = read();
            if (read.reached()) {
                long first = Math.addExact(max(read), 1);
                long last = Math.addExact(first, count - 1);
                Replies<Object> write = masters.call(redis -> PROPOSE.runStrings(redis, List.of(redisKey),
                                List.of(Long.toString(first), Long.toString(last))),
                        reply -> Long.valueOf(1).equals(reply), masters.quorum(), masterTimeout);
                lastWrite = write;
                if (write.reached()) {
                    return first;
                }
                failures = write.failures();
                if (failures.size() <= masters.size() - masters.quorum()) {
                    // Enough masters answered: another caller claimed these IDs first. Read again.
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

    /** The last issued ID as far as a quorum knows: GET on every master, the largest of a quorum of answers. */
    Replies<Long> read() {
        return masters.call(this::storedId, reply -> true, masters.quorum(), masterTimeout);
    }

    /** The latest proposal sent, or null: a reset runs after it on each master, so it cannot undo the reset. */
    Replies<?> lastWrite() {
        return lastWrite;
    }

    static long max(Replies<Long> read) {
        return read.successes().stream().mapToLong(Long::longValue).max().orElse(0);
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
}
