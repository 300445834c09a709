package dev.pottery;

import java.util.List;
import java.util.Map;

/**
 * More than half of the masters failed with errors or did not answer (Python pottery's
 * {@code QuorumIsImpossible}), so no quorum can form however long one retries: a blocking
 * {@code lock()} throws this instead of spinning while the masters are down.
 *
 * <p>It is a {@link QuorumNotAchievedException}, so one handler covers both "someone else holds
 * it" and "too many masters are down" where the difference does not matter.
 *
 * <pre>{@code
 * try {
 *     lock.lock();
 * } catch (QuorumIsImpossibleException e) {
 *     alert("Redis masters down: " + e.failedMasters());
 * }
 * }</pre>
 */
public class QuorumIsImpossibleException extends QuorumNotAchievedException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link PrimitiveException#PrimitiveException}. */
    public QuorumIsImpossibleException(String message, String key, List<String> masters, Map<String, String> failures) {
        super(message, key, masters, failures);
    }
}
