package dev.pottery.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the distributed primitives share, all daemons (they never keep a JVM alive): one timer
 * for time limits, retry pauses, lease renewals and the stall watch, and a pool that completes the
 * futures handed to users, so that what a user chains onto them never runs on a master's I/O thread
 * or on the timer.
 *
 * <pre>{@code
 * PotteryThreads.timer().schedule(retry, 10, TimeUnit.MILLISECONDS);
 * PotteryThreads.completeAsync(userFuture, value);
 * }</pre>
 */
public final class PotteryThreads {

    private static final ScheduledThreadPoolExecutor TIMER = timer("pottery-timer");

    /** Threads made on demand, kept 30 s when idle. */
    private static final ExecutorService CALLBACKS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), new Daemons("pottery-callback-"));

    private PotteryThreads() {
    }

    private static ScheduledThreadPoolExecutor timer(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new Daemons(name + "-"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return timer;
    }

    /** The shared timer: tasks on it must be short and never block. */
    public static ScheduledExecutorService timer() {
        return TIMER;
    }

    /** Where user-facing futures are completed and user callbacks run. */
    public static Executor callbacks() {
        return CALLBACKS;
    }

    /**
     * Completes {@code target} like {@code source}, on the callback pool; returns {@code target}.
     * Cancelling {@code target} does not affect {@code source}.
     */
    public static <T> CompletableFuture<T> completeOnCallbacks(CompletableFuture<T> source) {
        CompletableFuture<T> target = new CompletableFuture<>();
        source.whenComplete((value, failure) -> CALLBACKS.execute(() -> {
            if (failure != null) {
                target.completeExceptionally(unwrap(failure));
            } else {
                target.complete(value);
            }
        }));
        return target;
    }

    /**
     * Waits for {@code future} without being interruptible (an interrupt is kept for the caller) and
     * returns its value; a failure is rethrown as it was raised: an unchecked exception or error as
     * itself, anything else wrapped in {@link CompletionException}.
     */
    public static <T> T join(CompletableFuture<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The cause of a {@link CompletionException}, or the throwable itself. */
    public static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static RuntimeException rethrow(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new CompletionException(cause);
    }

    private static final class Daemons implements ThreadFactory {

        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        Daemons(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
