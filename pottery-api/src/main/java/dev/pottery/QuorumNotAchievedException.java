package dev.pottery;

import java.util.List;
import java.util.Map;

/**
 * Fewer than a quorum (more than half) of the masters agreed (Python pottery's {@code QuorumNotAchieved}):
 * a {@code Redlock} could not be acquired through {@code acquire()}, or {@code NextId} could not
 * issue an ID after its tries. {@link #failedMasters()} names the masters that errored or did not
 * answer in time.
 *
 * <pre>{@code
 * try (HeldLock held = printer.acquire()) {
 *     print();
 * } catch (QuorumNotAchievedException e) {
 *     retryLater(e.failedMasters());
 * }
 * }</pre>
 */
public class QuorumNotAchievedException extends PrimitiveException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link PrimitiveException#PrimitiveException}. */
    public QuorumNotAchievedException(String message, String key, List<String> masters, Map<String, String> failures) {
        super(message, key, masters, failures);
    }
}
