package dev.pottery;

import java.util.List;
import java.util.Map;

/**
 * {@code Redlock.extend()} was called more often than the lock's extension limit allows (Python
 * pottery's {@code TooManyExtensions}); the limit keeps a stuck holder from keeping a lock forever.
 *
 * <pre>{@code
 * try {
 *     lock.extend();
 * } catch (TooManyExtensionsException e) {
 *     abortLongJob();
 * }
 * }</pre>
 */
public class TooManyExtensionsException extends PrimitiveException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a lock that has used up its {@code limit} extensions. */
    public TooManyExtensionsException(String key, List<String> masters, int limit) {
        super("the lock was already extended " + limit + " times, its limit", key, masters, Map.of());
    }
}
