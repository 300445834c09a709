package dev.pottery.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * N independent Redis masters used together, as Redlock and NextId use them: one command is sent to
 * every master at once (one task per master on a shared pool), and the caller waits only until the
 * outcome is known: enough successes, too many refusals and failures for success to be possible, or
 * the time limit. Masters that have not answered by then count as failed and their commands finish
 * in the background (Python pottery's bail-out executor), so a paused master costs at most the time
 * limit, never a stalled caller.
 *
 * <pre>{@code
 * Masters masters = new Masters(clients);
 * Replies<Long> deleted = masters.call(redis -> redis.del(key), n -> n == 1, masters.quorum(), Duration.ofSeconds(1));
 * }</pre>
 */
public final class Masters {

    /**
     * Shared by every primitive: threads are created on demand, kept 30 s when idle, and are daemons,
     * so a master that hangs cannot keep the JVM alive.
     */
    private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), new DaemonThreads());

    /** Descriptions learnt once per client: finding the endpoint borrows a pooled connection. */
    private static final Map<UnifiedJedis, String> ENDPOINTS = Collections.synchronizedMap(new WeakHashMap<>());

    private final List<UnifiedJedis> clients;
    private final List<String> names;

    /**
     * Uses the given masters, in their iteration order.
     *
     * @throws IllegalArgumentException if there are none, or one client or server appears twice (it would vote twice)
     */
    public Masters(Collection<? extends UnifiedJedis> masters) {
        Objects.requireNonNull(masters, "masters");
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("at least one Redis master is needed");
        }
        Set<UnifiedJedis> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<UnifiedJedis> list = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (UnifiedJedis master : masters) {
            Objects.requireNonNull(master, "a master is null");
            if (!seen.add(master)) {
                throw new IllegalArgumentException("the same client is given twice as a master: " + master);
            }
            String name = describe(master, list.size());
            if (described.contains(name)) {
                // Two clients of one server would let that server vote twice.
                throw new IllegalArgumentException("two masters are the same server: " + name);
            }
            described.add(name);
            list.add(master);
        }
        this.clients = List.copyOf(list);
        this.names = List.copyOf(described);
    }

    /** How many masters there are. */
    public int size() {
        return clients.size();
    }

    /** A quorum: more than half of the masters (3 of 5, 1 of 1, 2 of 2). */
    public int quorum() {
        return clients.size() / 2 + 1;
    }

    /** Each master's description ({@code host:port} when the client tells it), in master order. */
    public List<String> names() {
        return names;
    }

    /**
     * Runs {@code command} on every master concurrently and waits until {@code needed} replies satisfy
     * {@code success}, until that has become impossible, or until {@code timeout} has passed. An
     * interrupt does not cut the wait short (the wait is bounded anyway); the interrupt status is kept
     * for the caller to act on.
     */
    public <T> Replies<T> call(Function<UnifiedJedis, T> command, Predicate<? super T> success, int needed,
            Duration timeout) {
        Replies<T> replies = new Replies<>(needed);
        CompletionService<Reply<T>> completion = new ExecutorCompletionService<>(POOL);
        List<Future<Reply<T>>> pending = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            int index = i;
            pending.add(completion.submit(() -> Reply.of(index, command, clients.get(index))));
        }
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean[] settled = new boolean[clients.size()];
        boolean timedOut = false;
        while (replies.settled() < clients.size() && !replies.reached()
                && clients.size() - replies.refusals() - replies.failures().size() >= needed) {
            Future<Reply<T>> done;
            try {
                done = completion.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                continue;
            }
            if (done == null) {
                timedOut = true;
                break;
            }
            Reply<T> reply = result(done);
            settled[reply.index()] = true;
            if (reply.error() != null) {
                replies.failure(names.get(reply.index()), reply.error());
            } else if (success.test(reply.value())) {
                replies.success(reply.value());
            } else {
                replies.refusal();
            }
        }
        if (timedOut) {
            for (int i = 0; i < settled.length; i++) {
                if (!settled[i]) {
                    replies.failure(names.get(i), "no reply within " + timeout.toMillis() + " ms");
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return replies;
    }

    private static <T> Reply<T> result(Future<Reply<T>> done) {
        try {
            return done.get();
        } catch (InterruptedException | ExecutionException e) {
            // Reply.of catches everything, and a completed future does not block.
            throw new IllegalStateException("a fan-out task failed unexpectedly", e);
        }
    }

    /** A master's endpoint where the client can tell it, else its position. */
    private static String describe(UnifiedJedis master, int index) {
        // Remembered even when unknown (""): a paused master would stall every later construction.
        String endpoint = ENDPOINTS.computeIfAbsent(master, Masters::endpoint);
        return endpoint.isEmpty() ? "master #" + index : endpoint;
    }

    private static String endpoint(UnifiedJedis master) {
        if (master instanceof RedisClient client) {
            // Borrowing takes an idle pooled connection; only a cold pool connects.
            try (Connection connection = client.getPool().getResource()) {
                HostAndPort hostAndPort = connection.getHostAndPort();
                return hostAndPort.getHost() + ":" + hostAndPort.getPort();
            } catch (RuntimeException unreachable) {
                return "";
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return names.toString();
    }

    /** One master's answer: a value, or why it failed. */
    private record Reply<T>(int index, T value, String error) {

        static <T> Reply<T> of(int index, Function<UnifiedJedis, T> command, UnifiedJedis client) {
            try {
                return new Reply<>(index, command.apply(client), null);
            } catch (RuntimeException e) {
                String message = e.getMessage();
                return new Reply<>(index, null, e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
            }
        }
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "pottery-masters-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
