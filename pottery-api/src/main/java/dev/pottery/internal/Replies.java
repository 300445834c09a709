package dev.pottery.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one command run on every master came to (see {@link Masters#call}): the replies that
 * counted as successes, the masters that answered otherwise (a refusal, e.g. SET NX on a taken key),
 * and the masters that failed (an error, or no reply in time), each with the reason. Filled while
 * the replies arrive; fixed once the outcome is known (replies arriving later are not part of it).
 *
 * <pre>{@code
 * Replies<String> set = masters.call(MasterCommand.set(key, token, params), "OK"::equals, masters.quorum(), timeout);
 * if (!set.reached()) {
 *     masters.post(set, release);   // only to the masters the SET was sent to
 * }
 * }</pre>
 *
 * @param <T> the type of a reply
 */
public final class Replies<T> {

    private final int needed;
    private final List<T> successes = new ArrayList<>();
    private final List<T> refused = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    /** For failures that were stalls: how long the master had been unhealthy, in ns. */
    private final Map<String, Long> stalledFor = new HashMap<>();
    private final boolean[] sent;

    Replies(int needed, int masters) {
        this.needed = needed;
        this.sent = new boolean[masters];
    }

    int needed() {
        return needed;
    }

    void sent(int master, boolean queued) {
        sent[master] = queued;
    }

    /**
     * Whether the command was handed to the i-th master's lane, so that it may have run there (even
     * if no reply came): commands that depend on it, such as the release of a SET, go only there.
     */
    boolean wasSent(int master) {
        return sent[master];
    }

    void success(T reply) {
        successes.add(reply);
    }

    void refusal(T reply) {
        refused.add(reply);
    }

    void failure(String master, String reason) {
        failure(master, reason, -1);
    }

    /** A failure; {@code unhealthyNanos} is how long a stalled master had been unhealthy, or negative. */
    void failure(String master, String reason, long unhealthyNanos) {
        failures.put(master, reason);
        if (unhealthyNanos >= 0) {
            stalledFor.put(master, unhealthyNanos);
        }
    }

    /** Whether at least the needed number of masters succeeded. */
    public boolean reached() {
        return successes.size() >= needed;
    }

    /** The successful replies, in the order they arrived (may contain nulls, e.g. GET of a missing key). */
    public List<T> successes() {
        return Collections.unmodifiableList(successes);
    }

    /** How many masters answered without counting as a success. */
    public int refusals() {
        return refused.size();
    }

    /**
     * The replies that did not count as successes, in the order they arrived (null for masters that
     * were not asked because the command could not apply there).
     */
    public List<T> refusedReplies() {
        return Collections.unmodifiableList(refused);
    }

    /** The masters that failed with an error or did not answer in time, with the reason. */
    public Map<String, String> failures() {
        return Collections.unmodifiableMap(failures);
    }

    /**
     * How many masters failed, not counting those only just found stalled (unhealthy for less than
     * {@code atLeast}): on a loaded machine a healthy master can look stalled for a moment, and such a
     * failure is worth a retry rather than giving up.
     */
    public int lastingFailures(Duration atLeast) {
        long nanos = atLeast.toNanos();
        int lasting = 0;
        for (String master : failures.keySet()) {
            Long stalled = stalledFor.get(master);
            if (stalled == null || stalled >= nanos) {
                lasting++;
            }
        }
        return lasting;
    }

    /** How many masters answered, as a success or not (failures excluded). */
    public int answered() {
        return successes.size() + refused.size();
    }

    @Override
    public String toString() {
        return "Replies[" + successes.size() + " of " + needed + " needed, " + refused.size() + " refused, failures "
                + failures + "]";
    }
}
