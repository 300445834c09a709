package dev.pottery;

import java.util.List;
import java.util.Map;

/**
 * Releasing a lock found its token on fewer than a quorum of masters (Python pottery's
 * {@code ReleaseUnlockedLock}): the lease had expired, and another holder may have run at the same
 * time, or too many masters were unreachable. {@code Redlock.unlock()} reports it as the cause of the
 * {@link IllegalMonitorStateException} that {@link java.util.concurrent.locks.Lock#unlock()} prescribes.
 *
 * <pre>{@code
 * try {
 *     lock.unlock();
 * } catch (IllegalMonitorStateException e) {
 *     if (e.getCause() instanceof ReleaseUnlockedLockException expired) {
 *         log.warn("critical section outlived its lease", expired);
 *     }
 * }
 * }</pre>
 */
public class ReleaseUnlockedLockException extends PrimitiveException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link PrimitiveException#PrimitiveException}. */
    public ReleaseUnlockedLockException(String message, String key, List<String> masters, Map<String, String> failures) {
        super(message, key, masters, failures);
    }
}
