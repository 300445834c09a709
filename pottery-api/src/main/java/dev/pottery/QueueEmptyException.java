package dev.pottery;

/**
 * Nothing could be taken from a queue in time (Python pottery's {@code QueueEmptyError}), thrown by the
 * pottery-style {@code get} methods of {@link dev.pottery.collections.queue.RedisQueue}; the
 * {@link java.util.concurrent.BlockingQueue} methods answer {@code null} or throw
 * {@link java.util.NoSuchElementException} instead, as Java expects.
 */
public class QueueEmptyException extends PotteryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for the queue at the given key. */
    public QueueEmptyException(String key) {
        super("the queue is empty", key);
    }
}
