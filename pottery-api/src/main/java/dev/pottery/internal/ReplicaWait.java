package dev.pottery.internal;

import dev.pottery.NotEnoughReplicasException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * WAIT-style durability for writes: a write and a {@code WAIT replicas timeout} sent together in one
 * pipeline, so they share one connection (WAIT only counts the writes of its own connection) and one
 * round trip; the write succeeds only when enough replicas acknowledged it. On a cluster client the
 * pipeline sends both to the master of the key's slot. {@link #NONE} sends writes as they are.
 *
 * <pre>{@code
 * ReplicaWait durability = ReplicaWait.of(1, Duration.ofMillis(500));
 * long added = durability.write(redis, key, "orders",
 *         () -> redis.hset(key, field, value), pipeline -> pipeline.hset(key, field, value));
 * }</pre>
 */
public final class ReplicaWait {

    /** No waiting: each write is sent on its own and acknowledged by the master alone. */
    public static final ReplicaWait NONE = new ReplicaWait(0, Duration.ZERO);

    private final int replicas;
    private final Duration timeout;

    private ReplicaWait(int replicas, Duration timeout) {
        this.replicas = replicas;
        this.timeout = timeout;
    }

    /**
     * Waits for {@code replicas} replicas, at most {@code timeout} per write.
     *
     * @throws IllegalArgumentException if {@code replicas} is below 1 or the timeout below 1 ms (WAIT
     *     with 0 would block forever)
     */
    public static ReplicaWait of(int replicas, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, not " + replicas);
        }
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException("the replica timeout must be at least 1 ms, not " + timeout);
        }
        return new ReplicaWait(replicas, timeout);
    }

    /** Whether writes wait for replicas. */
    public boolean enabled() {
        return replicas > 0;
    }

    /**
     * Runs a write: {@code direct} when not waiting, else {@code pipelined} followed by WAIT on the same
     * connection.
     *
     * @throws NotEnoughReplicasException if fewer replicas acknowledged the write within the timeout
     */
    public <T> T write(UnifiedJedis redis, byte[] key, String keyName, Supplier<T> direct,
            Function<AbstractPipeline, Response<T>> pipelined) {
        if (!enabled()) {
            return direct.get();
        }
        T result;
        long acknowledged;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            Response<T> reply = pipelined.apply(pipeline);
            // the key routes WAIT, on a cluster pipeline, to the connection that carried the write
            Response<Long> waited = pipeline.waitReplicas(key, replicas, timeout.toMillis());
            pipeline.sync();
            result = reply.get(); // a failed write throws here, whatever WAIT said
            acknowledged = waited.get();
        }
        if (acknowledged < replicas) {
            throw new NotEnoughReplicasException(keyName, acknowledged, replicas, timeout);
        }
        return result;
    }

    @Override
    public String toString() {
        return enabled() ? "WAIT " + replicas + " " + timeout.toMillis() : "no WAIT";
    }
}
