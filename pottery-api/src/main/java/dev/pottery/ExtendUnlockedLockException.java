package dev.pottery;

import java.util.List;
import java.util.Map;

/**
 * {@code Redlock.extend()} found that the calling thread does not hold the lock, or that a quorum of
 * masters no longer holds its token (the lease expired, or masters are down) (Python pottery's
 * {@code ExtendUnlockedLock}).
 *
 * <pre>{@code
 * try {
 *     lock.extend();
 * } catch (ExtendUnlockedLockException e) {
 *     rollBack(); // the lease may have passed to someone else
 * }
 * }</pre>
 */
public class ExtendUnlockedLockException extends PrimitiveException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; see {@link PrimitiveException#PrimitiveException}. */
    public ExtendUnlockedLockException(String message, String key, List<String> masters, Map<String, String> failures) {
        super(message, key, masters, failures);
    }
}
