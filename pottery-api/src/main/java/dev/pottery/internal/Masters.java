package dev.pottery.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
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

    /**
     * Commands still running per client, across all primitives. A paused master holds each command
     * until the client's socket timeout; past this many, new commands to it fail at once instead of
     * piling up threads.
     */
    private static final Map<UnifiedJedis, AtomicInteger> IN_FLIGHT = Collections.synchronizedMap(new WeakHashMap<>());
    static final int MAX_IN_FLIGHT = 64;

    private final List<UnifiedJedis> clients;
    private final List<String> names;
    private final List<AtomicInteger> inFlight;

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
        this.inFlight = clients.stream().map(c -> IN_FLIGHT.computeIfAbsent(c, any -> new AtomicInteger())).toList();
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
        return call(command, success, needed, timeout, null);
    }

    /**
     * As {@link #call(Function, Predicate, int, Duration)}, with a way to take the command back:
     * {@link Replies#undo()} runs {@code undo} on every master where the command ran, and on a master
     * whose command is still on its way, only after that command finished. Without that ordering an
     * undo sent on another connection could overtake the command (a release before the SET it should
     * release), and the undo would wait for a paused master.
     */
    public <T> Replies<T> call(Function<UnifiedJedis, T> command, Predicate<? super T> success, int needed,
            Duration timeout, Consumer<UnifiedJedis> undo) {
        AtomicBoolean abandoned = new AtomicBoolean();
        AtomicIntegerArray finished = new AtomicIntegerArray(clients.size());
        Runnable undoAll = undo == null ? null : () -> {
            abandoned.set(true);
            // A command finishing from here on sees the flag and undoes itself; earlier ones are listed.
            List<Integer> done = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                if (finished.get(i) == 1) {
                    done.add(i);
                }
            }
            fanOut(done, redis -> {
                undo.accept(redis);
                return Boolean.TRUE;
            }, any -> true, done.size(), timeout, null);
        };
        Function<UnifiedJedis, T> tracked = undo == null ? command : redis -> {
            try {
                return command.apply(redis);
            } finally {
                finished.set(clients.indexOf(redis), 1);
                if (abandoned.get()) {
                    undoQuietly(undo, redis);
                }
            }
        };
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            all.add(i);
        }
        return fanOut(all, tracked, success, needed, timeout, undoAll);
    }

    private <T> Replies<T> fanOut(List<Integer> targets, Function<UnifiedJedis, T> command,
            Predicate<? super T> success, int needed, Duration timeout, Runnable undo) {
        Replies<T> replies = new Replies<>(needed, undo);
        CompletionService<Reply<T>> completion = new ExecutorCompletionService<>(POOL);
        Set<Integer> unsettled = new LinkedHashSet<>();
        for (int index : targets) {
            AtomicInteger running = inFlight.get(index);
            if (running.incrementAndGet() > MAX_IN_FLIGHT) {
                running.decrementAndGet();
                replies.failure(names.get(index), MAX_IN_FLIGHT + " earlier commands still unanswered");
                continue;
            }
            unsettled.add(index);
            completion.submit(() -> {
                try {
                    return Reply.of(index, command, clients.get(index));
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean timedOut = false;
        while (!unsettled.isEmpty() && !replies.reached()
                && targets.size() - replies.refusals() - replies.failures().size() >= needed) {
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
            unsettled.remove(reply.index());
            if (reply.error() != null) {
                replies.failure(names.get(reply.index()), reply.error());
            } else if (success.test(reply.value())) {
                replies.success(reply.value());
            } else {
                replies.refusal();
            }
        }
        if (timedOut) {
            for (int index : unsettled) {
                replies.failure(names.get(index), "no reply within " + timeout.toMillis() + " ms");
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return replies;
    }

    private static void undoQuietly(Consumer<UnifiedJedis> undo, UnifiedJedis client) {
        try {
            undo.accept(client);
        } catch (RuntimeException e) {
            // Best effort: what is not undone expires with its own time to live.
        }
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
