package dev.pottery.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one command run on every master came to (see {@link Masters#call}): the replies that
 * counted as successes, how many masters answered otherwise (a refusal, e.g. SET NX on a taken key),
 * and the masters that failed (an error, or no reply in time), each with the reason.
 *
 * <pre>{@code
 * Replies<String> set = masters.call(redis -> redis.set(key, token, params), "OK"::equals, masters.quorum(), timeout);
 * if (set.reached()) { ... }
 * }</pre>
 *
 * @param <T> the type of a reply
 */
public final class Replies<T> {

    private final int needed;
    private final List<T> successes = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Runnable undo;
    private int refusals;

    Replies(int needed, Runnable undo) {
        this.needed = needed;
        this.undo = undo;
    }

    /**
     * Takes the command back on every master (e.g. releases a lock that did not reach a quorum), where
     * the call was given an undo; waits at most the call's timeout.
     *
     * @throws IllegalStateException if the call had no undo
     */
    public void undo() {
        if (undo == null) {
            throw new IllegalStateException("this call cannot be undone");
        }
        undo.run();
    }

    void success(T reply) {
        successes.add(reply);
    }

    void refusal() {
        refusals++;
    }

    void failure(String master, String reason) {
        failures.put(master, reason);
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
        return refusals;
    }

    /** The masters that failed with an error or did not answer in time, with the reason. */
    public Map<String, String> failures() {
        return Collections.unmodifiableMap(failures);
    }

    /** How many masters have answered or failed so far. */
    int settled() {
        return successes.size() + refusals + failures.size();
    }
}
