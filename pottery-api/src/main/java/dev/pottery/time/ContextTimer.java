package dev.pottery.time;

/**
 * A stopwatch measuring wall time in whole milliseconds on the monotonic clock
 * ({@link System#nanoTime()}), as Python pottery's {@code ContextTimer}: usable alone or in
 * try-with-resources, and strict about misuse (a timer runs once).
 *
 * <pre>{@code
 * ContextTimer timer = new ContextTimer();
 * timer.start();
 * work();
 * timer.stop();
 * long ms = timer.elapsed();
 *
 * try (ContextTimer t = ContextTimer.started()) {
 *     work();
 *     long soFar = t.elapsed();   // still running
 * }                               // close() stops it
 * }</pre>
 *
 * <p>Thread-safe; the errors are {@link IllegalStateException}s with pottery's messages.
 */
public final class ContextTimer implements AutoCloseable {

    private boolean started;
    private boolean stopped;
    private long startNanos;
    private long stopNanos;

    /** A timer not yet started. */
    public ContextTimer() {
    }

    /** A timer already started: the try-with-resources form of pottery's {@code with ContextTimer()}. */
    public static ContextTimer started() {
        ContextTimer timer = new ContextTimer();
        timer.start();
        return timer;
    }

    /**
     * Starts the timer.
     *
     * @throws IllegalStateException if it was already started, or already stopped
     */
    public synchronized void start() {
        if (stopped) {
            throw new IllegalStateException("timer has already been stopped");
        }
        if (started) {
            throw new IllegalStateException("timer has already been started");
        }
        started = true;
        startNanos = System.nanoTime();
    }

    /**
     * Stops the timer; {@link #elapsed()} keeps the time up to now.
     *
     * @throws IllegalStateException if it was never started, or already stopped
     */
    public synchronized void stop() {
        if (stopped) {
            throw new IllegalStateException("timer has already been stopped");
        }
        if (!started) {
            throw new IllegalStateException("timer hasn't yet been started");
        }
        stopNanos = System.nanoTime();
        stopped = true;
    }

    /**
     * The milliseconds (rounded) from the start until the stop, or until now while running.
     *
     * @throws IllegalStateException if it was never started
     */
    public synchronized long elapsed() {
        if (!started) {
            throw new IllegalStateException("timer hasn't yet been started");
        }
        long end = stopped ? stopNanos : System.nanoTime();
        return Math.round((end - startNanos) / 1_000_000.0);
    }

    /**
     * Stops the timer, as leaving pottery's {@code with} block does.
     *
     * @throws IllegalStateException if it was never started or was already stopped
     */
    @Override
    public void close() {
        stop();
    }

    @Override
    public synchronized String toString() {
        return "ContextTimer[" + (!started ? "not started" : (stopped ? "stopped" : "running") + ", " + elapsed() + " ms") + "]";
    }
}
