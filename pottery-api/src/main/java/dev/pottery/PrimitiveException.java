package dev.pottery;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The root of the errors of the distributed primitives, {@code Redlock} and {@code NextId} (Python
 * pottery's {@code PrimitiveError}): it names the Redis key, every master the primitive uses, and the
 * masters that failed during the operation together with why (an error reply, a lost connection, no
 * reply in time).
 *
 * <pre>{@code
 * try {
 *     lock.lock();
 * } catch (QuorumNotAchievedException e) {
 *     log.warn("lock {} unavailable; failed masters: {}", e.key().orElseThrow(), e.failedMasters());
 * }
 * }</pre>
 */
public class PrimitiveException extends PotteryException {

    private static final long serialVersionUID = 1L;

    private final List<String> masters;
    private final Map<String, String> failures;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     * @param key the Redis key of the primitive (e.g. {@code redlock:printer})
     * @param masters a description of every master, e.g. {@code 127.0.0.1:6380}
     * @param failures the masters that failed, each with the reason, in master order
     */
    public PrimitiveException(String message, String key, List<String> masters, Map<String, String> failures) {
        super(withFailures(message, failures), key);
        this.masters = List.copyOf(masters);
        this.failures = Map.copyOf(failures);
    }

    /** Every master of the primitive, as {@code host:port} where the client tells it. */
    public List<String> masters() {
        return masters;
    }

    /** The masters that failed during the operation (errors or no reply in time), in master order. */
    public List<String> failedMasters() {
        return masters.stream().filter(failures::containsKey).toList();
    }

    /** Why each failed master failed, keyed by the master's description. */
    public Map<String, String> failures() {
        return failures;
    }

    private static String withFailures(String message, Map<String, String> failures) {
        if (failures.isEmpty()) {
            return message;
        }
        return message + "; failed masters: " + failures.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
