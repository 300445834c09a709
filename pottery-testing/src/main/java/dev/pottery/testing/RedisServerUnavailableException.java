package dev.pottery.testing;

/** No Redis server could be started, or a started one never answered. The message says how to fix it. */
public class RedisServerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says what went wrong and how to get a server. */
    public RedisServerUnavailableException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public RedisServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
