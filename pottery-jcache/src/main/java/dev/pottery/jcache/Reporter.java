package dev.pottery.jcache;

import java.util.function.Function;

/**
 * Starts the {@link Operation} reports of one cache and completes each exactly once: after the operation's
 * work, or after its failure (then a listener's failure is added to the operation's as suppressed, never
 * hiding it).
 *
 * <pre>{@code
 * boolean removed = reporter.run(op -> { ... op.count(Kind.REMOVE, outcome); return outcome == Outcome.REMOVED; });
 * }</pre>
 *
 * @param codec decodes the values events carry
 * @param events the cache's listeners
 * @param statistics the cache's statistics in this JVM
 * @param <K> key type
 * @param <V> value type
 */
record Reporter<K, V>(EntryCodec<K, V> codec, CacheEvents<K, V> events, OperationStatistics statistics) {

    /** Runs {@code work} with a new operation report, completing it once. */
    <T> T run(Function<Operation<K, V>, T> work) {
        Operation<K, V> op = new Operation<>(this);
        T result;
        try {
            result = work.apply(op);
        } catch (RuntimeException | Error failure) {
            try {
                op.complete();
            } catch (RuntimeException listenerFailure) {
                failure.addSuppressed(listenerFailure);
            }
            throw failure;
        }
        op.complete();
        return result;
    }
}
