package dev.pottery.id;

import dev.pottery.PotteryException;
import dev.pottery.QuorumNotAchievedException;
import dev.pottery.internal.LuaScript;
import dev.pottery.internal.MasterCommand;
import dev.pottery.internal.Masters;
import dev.pottery.internal.PotteryThreads;
import dev.pottery.internal.Replies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Issues IDs to the requests of one {@link NextId}, in blocks: every request waiting when a claim
 * is made shares it. A claim proposes the next block of consecutive IDs with a compare-and-set
 * script (store the block's last ID if the stored number is below its first) to a quorum of
 * masters, healthy ones first, and to one more master for each that refuses or fails; the block is
 * issued when a quorum stored it. A master that refuses answers with its stored number, so a lost
 * race is retried at once above the largest number learnt, without a separate read. Masters left
 * out of a claim only fall behind, which is harmless: a lower stored number accepts any later
 * claim, and any quorum read still meets the quorum that stored the latest block.
 *
 * <p>Why the guarantees need no read before a proposal: see the package documentation.
 *
 * <p>Up to two claims are in flight at once: requests arriving while one is out are claimed at once
 * rather than after it returns. Each master's lane sends them in order, so the second usually lands
 * right after the first.
 */
final class IdClaims {

    private static final LuaScript PROPOSE = LuaScript.fromResource(NextId.class, "propose.lua");
    private static final int MAX_CLAIMS_IN_FLIGHT = 2;
    private static final int MAX_BLOCK = 1000;
    private static final int MAX_LOST_RACES = 1000;
    private static final Long STORED = 1L;
    private static final long TRANSIENT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final String redisKey;
    private final Masters masters;
    private final int tries;
    private final Duration masterTimeout;

    // Guarded by this.
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    private int claimsInFlight;
    /** The first ID of the next claim: above everything this generator proposed or learnt; 0 once past Long.MAX_VALUE. */
    private long nextFirst = 1;
    /** No claims before this time (nanoTime): a pause after masters were found stalled. */
    private long holdUntil = System.nanoTime();

    IdClaims(String redisKey, Masters masters, int tries, Duration masterTimeout) {
        this.redisKey = redisKey;
        this.masters = masters;
        this.tries = tries;
        this.masterTimeout = masterTimeout;
    }

    /**
     * Requests one ID: larger than every ID issued before this call. The future completes on a
     * master's lane thread, or fails with {@link QuorumNotAchievedException} after {@code tries}
     * claims without a quorum of answering masters, or with {@link PotteryException} when the
     * sequence has passed {@link Long#MAX_VALUE}.
     */
    CompletableFuture<Long> request() {
        Request request = new Request();
        List<Runnable> outcomes = new ArrayList<>(0);
        List<Claim> claims;
        synchronized (this) {
            waiting.add(request);
            claims = formClaims(outcomes);
        }
        outcomes.forEach(Runnable::run);
        claims.forEach(this::send);
        return request.id;
    }

    /** Continues the sequence after {@code lastIssued} (after a reset of every master). */
    synchronized void restartAfter(long lastIssued) {
        nextFirst = lastIssued == Long.MAX_VALUE ? 0 : lastIssued + 1;
    }

    /** Claims for the waiting requests, after a pause. */
    private void dispatch() {
        List<Runnable> outcomes = new ArrayList<>(0);
        List<Claim> claims;
        synchronized (this) {
            claims = formClaims(outcomes);
        }
        outcomes.forEach(Runnable::run);
        claims.forEach(this::send);
    }

    /**
     * With the monitor held: turns waiting requests into claims while fewer than the maximum are out
     * (and no pause is on); adds to {@code outcomes} what must be completed once the monitor is released.
     */
    private List<Claim> formClaims(List<Runnable> outcomes) {
        List<Claim> claims = new ArrayList<>(1);
        if (System.nanoTime() - holdUntil < 0) {
            return claims;
        }
        while (claimsInFlight < MAX_CLAIMS_IN_FLIGHT && !waiting.isEmpty()) {
            if (nextFirst <= 0) {
                exhausted(new ArrayList<>(waiting), Long.toString(Long.MAX_VALUE), outcomes);
                waiting.clear();
                break;
            }
            long room = Long.MAX_VALUE - nextFirst + 1; // IDs left up to Long.MAX_VALUE, at least 1
            int size = (int) Math.min(Math.min(waiting.size(), MAX_BLOCK), room);
            List<Request> requests = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                requests.add(waiting.poll());
            }
            Claim claim = new Claim(nextFirst, nextFirst + size - 1, requests);
            nextFirst = claim.last == Long.MAX_VALUE ? 0 : claim.last + 1;
            claimsInFlight++;
            claims.add(claim);
        }
        return claims;
    }

    private void send(Claim claim) {
        MasterCommand<Object> propose = MasterCommand.script(PROPOSE, redisKey,
                List.of(Long.toString(claim.first), Long.toString(claim.last)));
        masters.sendToQuorum(propose, STORED::equals, masterTimeout)
                .whenComplete((replies, failure) -> finished(claim, replies, failure));
    }

    private void finished(Claim claim, Replies<Object> replies, Throwable failure) {
        List<Runnable> outcomes = new ArrayList<>(1);
        List<Claim> next;
        synchronized (this) {
            claimsInFlight--;
            if (failure != null) {
                outcomes.add(() -> claim.requests.forEach(request -> request.id.completeExceptionally(failure)));
            } else if (replies.reached()) {
                outcomes.add(() -> {
                    for (int i = 0; i < claim.requests.size(); i++) {
                        claim.requests.get(i).id.complete(claim.first + i);
                    }
                });
            } else {
                retry(claim, replies, outcomes);
            }
            next = formClaims(outcomes);
        }
        // Claim first: the masters' lanes get the next block before the waiting threads wake up.
        next.forEach(this::send);
        outcomes.forEach(Runnable::run);
    }

    /** With the monitor held: learns the stored numbers from the refusals, then queues the requests again. */
    private void retry(Claim claim, Replies<Object> replies, List<Runnable> outcomes) {
        String largest = null;
        for (Object refusal : replies.refusedReplies()) {
            if (refusal instanceof byte[] bytes) {
                String stored = new String(bytes, StandardCharsets.US_ASCII);
                largest = largest == null || compareDecimal(stored, largest) > 0 ? stored : largest;
            }
        }
        if (largest != null) {
            if (compareDecimal(largest, Long.toString(Long.MAX_VALUE)) >= 0) {
                exhausted(claim.requests, largest, outcomes);
                return;
            }
            long above = Long.parseLong(largest) + 1;
            if (nextFirst > 0 && above > nextFirst) {
                nextFirst = above;
            }
        }
        int canFail = masters.size() - masters.quorum();
        // Enough masters answered for a quorum to be possible: another process claimed these IDs first.
        boolean lostRace = replies.failures().size() <= canFail;
        // Too few answered, but only because masters were just found stalled (down, or a moment's delay
        // on a loaded machine): retry shortly without using up a try; it counts once they stay stalled.
        boolean transientFailure = !lostRace && replies.lastingFailures(masterTimeout) <= canFail;
        if (transientFailure) {
            holdUntil = System.nanoTime() + TRANSIENT_PAUSE_NANOS;
            PotteryThreads.timer().schedule(this::dispatch, TRANSIENT_PAUSE_NANOS, TimeUnit.NANOSECONDS);
        }
        List<Request> again = new ArrayList<>(claim.requests.size());
        for (Request request : claim.requests) {
            if (transientFailure) {
                again.add(request);
            } else if (lostRace ? ++request.lostRaces >= MAX_LOST_RACES : ++request.failedTries >= tries) {
                QuorumNotAchievedException e = new QuorumNotAchievedException(lostRace
                        ? "lost the race for an ID " + MAX_LOST_RACES + " times in a row"
                        : "no quorum of masters answered in " + tries + " tries", redisKey, masters.names(),
                        replies.failures());
                outcomes.add(() -> request.id.completeExceptionally(e));
            } else {
                again.add(request);
            }
        }
        // The oldest requests go first.
        for (int i = again.size() - 1; i >= 0; i--) {
            waiting.addFirst(again.get(i));
        }
    }

    private void exhausted(List<Request> requests, String stored, List<Runnable> outcomes) {
        PotteryException e = new PotteryException("the sequence has reached " + stored
                + ": no larger ID fits in a Java long (at most " + Long.MAX_VALUE + ")", redisKey);
        outcomes.add(() -> requests.forEach(request -> request.id.completeExceptionally(e)));
    }

    /** Compares non-negative decimal numbers without leading zeros, exactly, whatever their size. */
    static int compareDecimal(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** The last issued ID as far as a quorum knows: GET on every master, the largest of a quorum of answers. */
    long current() {
        Replies<String> read = masters.callToQuorum(MasterCommand.get(redisKey), reply -> true, masterTimeout);
        if (!read.reached()) {
            throw new QuorumNotAchievedException("cannot read the current ID", redisKey, masters.names(), read.failures());
        }
        long max = 0;
        for (String stored : read.successes()) {
            max = Math.max(max, parse(stored));
        }
        return max;
    }

    private long parse(String stored) {
        if (stored == null) {
            return 0;
        }
        try {
            return Long.parseLong(stored);
        } catch (NumberFormatException e) {
            String what = stored.matches("\\d+") ? "does not fit in a Java long" : "is not an integer";
            throw new PotteryException("the stored ID " + what + ": '" + stored + "'", redisKey, e);
        }
    }

    /** One caller's wait for an ID. */
    private static final class Request {
        final CompletableFuture<Long> id = new CompletableFuture<>();
        int failedTries;
        int lostRaces;
    }

    /** A block of consecutive IDs proposed for the requests, in order. */
    private record Claim(long first, long last, List<Request> requests) {
    }

    @Override
    public String toString() {
        return "IdClaims[" + redisKey + "]";
    }
}
