package dev.pottery;

import java.util.Optional;

/**
 * The root of Pottery's exceptions (Python pottery's {@code PotteryError}): unchecked, and naming the
 * Redis key involved when there is one.
 */
public class PotteryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /** An exception about no particular key. */
    public PotteryException(String message) {
        this(message, null, null);
    }

    /** An exception about the given Redis key; the key is appended to the message. */
    public PotteryException(String message, String key) {
        this(message, key, null);
    }

    /** An exception about the given Redis key (may be null), with its cause. */
    public PotteryException(String message, String key, Throwable cause) {
        super(key == null ? message : message + " (Redis key '" + key + "')", cause);
        this.key = key;
    }

    /** The Redis key this exception is about, if any. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
