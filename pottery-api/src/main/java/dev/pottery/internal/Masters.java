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
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
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
 * Replies<String> set = masters.call(redis -> redis.set(key, token, nxPx), "OK"::equals, masters.quorum(), timeout);
 * Replies<Object> released = masters.callAfter(set, redis -> release(redis), one -> one.equals(1L), masters.quorum(), timeout);
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
     * Commands running per client, across all primitives. A paused master holds each command until
     * the client's socket timeout; past this many, new commands to it fail at once instead of piling
     * up threads.
     */
    private static final Map<UnifiedJedis, AtomicInteger> IN_FLIGHT = Collections.synchronizedMap(new WeakHashMap<>());
    private static final int MAX_IN_FLIGHT = 64;

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

    /** Each master's description ({@code host:port}; {@code cluster[nodes]} for a cluster client), in master order. */
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
        return callAfter(null, command, success, needed, timeout);
    }

    /**
     * As {@link #call}, but on each master only after {@code previous}'s command on that master has
     * finished (answered or failed), however long that takes; waiting is still bounded by
     * {@code timeout} ({@code previous} may be null: no ordering). The commands of one primitive travel
     * on different pooled connections, so without this a release could overtake the SET it releases
     * and leave a stale lock behind.
     */
    public <T> Replies<T> callAfter(Replies<?> previous, Function<UnifiedJedis, T> command,
            Predicate<? super T> success, int needed, Duration timeout) {
        BlockingQueue<Reply<T>> arrived = new LinkedBlockingQueue<>();
        List<CompletableFuture<?>> finished = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            int index = i;
            CompletableFuture<?> before = previous == null ? CompletableFuture.completedFuture(null) : previous.finished(i);
            CompletableFuture<Reply<T>> reply = before.handleAsync((ignored, failure) -> run(index, command), POOL);
            reply.thenAccept(arrived::add);
            finished.add(reply);
        }
        Replies<T> replies = new Replies<>(needed, finished);
        collect(replies, arrived, success, timeout);
        return replies;
    }

    private <T> void collect(Replies<T> replies, BlockingQueue<Reply<T>> arrived, Predicate<? super T> success,
            Duration timeout) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Integer> unsettled = new LinkedHashSet<>();
        for (int i = 0; i < clients.size(); i++) {
            unsettled.add(i);
        }
        boolean timedOut = false;
        while (!unsettled.isEmpty() && !replies.reached()
                && clients.size() - replies.refusals() - replies.failures().size() >= replies.needed()) {
            Reply<T> reply;
            try {
                reply = arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                continue;
            }
            if (reply == null) {
                timedOut = true;
                break;
            }
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
    }

    private <T> Reply<T> run(int index, Function<UnifiedJedis, T> command) {
        AtomicInteger running = inFlight.get(index);
        try {
            if (running.incrementAndGet() > MAX_IN_FLIGHT) {
                return new Reply<>(index, null, MAX_IN_FLIGHT + " earlier commands still unanswered");
            }
            return Reply.of(index, command, clients.get(index));
        } finally {
            running.decrementAndGet();
        }
    }

    /** A master's endpoint where the client can tell it, else its position. */
    private static String describe(UnifiedJedis master, int index) {
        // Remembered even when unknown (""): a paused master would stall every later construction.
        String endpoint = ENDPOINTS.computeIfAbsent(master, Masters::endpoint);
        return endpoint.isEmpty() ? "master #" + index : endpoint;
    }

    private static String endpoint(UnifiedJedis master) {
        if (master instanceof RedisClusterClient cluster) {
            // One cluster is one master, whichever client of it is given: name it by all its nodes.
            return "cluster" + new TreeSet<>(cluster.getClusterNodes().keySet());
        }
        if (master instanceof RedisSentinelClient sentinel) {
            // Named like a plain client of the same server, so the two cannot both vote.
            HostAndPort current = sentinel.getCurrentMaster();
            return current == null ? "" : current.getHost() + ":" + current.getPort();
        }
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

    private static final class DaemonThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "pottery-masters-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
