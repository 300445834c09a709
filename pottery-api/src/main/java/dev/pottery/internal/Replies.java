package dev.pottery.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What one command run on every master came to (see {@link Masters#call}): the replies that
 * counted as successes, how many masters answered otherwise (a refusal, e.g. SET NX on a taken key),
 * and the masters that failed (an error, or no reply in time), each with the reason.
 *
 * <pre>{@code
 * Replies<String> set = masters.call(redis -> redis.set(key, token, params), "OK"::equals, masters.quorum(), timeout);
 * if (!set.reached()) {
 *     masters.callAfter(set, release, ...);   // on each master after its SET
 * }
 * }</pre>
 *
 * @param <T> the type of a reply
 */
public final class Replies<T> {

    private final int needed;
    private final List<T> successes = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final List<CompletableFuture<?>> finished;
    private int refusals;

    Replies(int needed, List<CompletableFuture<?>> finished) {
        this.needed = needed;
        this.finished = finished;
    }

    int needed() {
        return needed;
    }

    /** Completes when the command on the i-th master has finished, answered or failed (never exceptionally). */
    CompletableFuture<?> finished(int master) {
        return finished.get(master);
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

    /** How many masters answered, as a success or not (failures excluded). */
    public int answered() {
        return successes.size() + refusals;
    }
}
