package dev.pottery;

/**
 * A queue or deque method whose {@code null} answer means "empty" ({@code poll}, {@code peek} and their
 * {@code First}/{@code Last} and timed forms) found a {@code null} element at that end: a Python
 * {@code None} (JSON {@code null}) that a Python program stored. Rather than hand it out as "empty" and
 * so hide it (a {@code while ((x = poll()) != null)} loop would stop early), the method throws this
 * and leaves the element where it is. The methods that signal "empty" with an exception instead
 * ({@code remove}, {@code removeFirst}, {@code pop}, {@code take}, {@code element}, {@code getFirst},
 * pottery's {@code get}) return that {@code null} as the element it is.
 */
public class NullElementException extends PotteryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which method met the null element, and where
     * @param key the Redis key of the queue or deque
     */
    public NullElementException(String message, String key) {
        super(message, key);
    }
}
