package dev.pottery;

import java.time.Duration;

/**
 * A write that asked to wait for replicas (e.g. {@code RedisMap.builder(redis).waitForReplicas(1,
 * Duration.ofMillis(500))}) was applied on the master, but fewer replicas than required acknowledged
 * it within the timeout. The write is not rolled back: it is visible on the master and may still reach
 * the replicas, but it could be lost if the master fails before they have it.
 *
 * <pre>{@code
 * try {
 *     orders.put("42", order);
 * } catch (NotEnoughReplicasException e) {
 *     log.warn("order 42 stored on {} of {} replicas only", e.acknowledged(), e.required());
 * }
 * }</pre>
 */
public class NotEnoughReplicasException extends PotteryException {

    private static final long serialVersionUID = 1L;

    private final long acknowledged;
    private final int required;

    /** For a write to {@code key} acknowledged by {@code acknowledged} of {@code required} replicas. */
    public NotEnoughReplicasException(String key, long acknowledged, int required, Duration timeout) {
        super("write acknowledged by " + acknowledged + " of " + required + " required replica(s) within "
                + timeout.toMillis() + " ms: it is applied on the master but may be lost if the master fails"
                + " before replicating it", key);
        this.acknowledged = acknowledged;
        this.required = required;
    }

    /** How many replicas acknowledged the write (WAIT's answer). */
    public long acknowledged() {
        return acknowledged;
    }

    /** How many replicas the write asked for. */
    public int required() {
        return required;
    }
}
