package dev.pottery.internal;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * N independent Redis masters used together, as Redlock and NextId use them: one command is sent to
 * every master at once, and the caller waits only until the outcome is known: enough successes, too
 * many refusals and failures for success to be possible, or the time limit.
 *
 * <p>Each master has a lane of its own ({@code MasterLane}): one thread per client sends that
 * master's commands in arrival order, batching whatever queued meanwhile into one pipeline. So the
 * commands of one lease reach each master in the order they were sent (a release never overtakes
 * its SET), many callers share round trips, and a stalled master holds up nobody: once it is overdue
 * while the others answer, its commands count as failed at once and droppable ones are not queued
 * for it any more (see {@link MasterCommand}).
 *
 * <pre>{@code
 * Masters masters = new Masters(clients);
 * Replies<String> set = masters.call(MasterCommand.set(key, token, nxPx), "OK"::equals, masters.quorum(), timeout);
 * masters.post(set, MasterCommand.script(RELEASE, key, List.of(token)).mustRun());   // no waiting
 * CompletableFuture<Replies<String>> later = masters.send(MasterCommand.get(key), any -> true, masters.quorum(), timeout);
 * }</pre>
 */
public final class Masters {

    /** Endpoints learnt once per client (finding one may borrow a pooled connection); never an unknown one. */
    private static final Map<UnifiedJedis, String> ENDPOINTS = Collections.synchronizedMap(new WeakHashMap<>());

    private final List<UnifiedJedis> clients;
    private final List<String> names;
    private final List<MasterLane> lanes;

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
        List<MasterLane> laneList = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            laneList.add(MasterLane.of(clients.get(i), names.get(i)));
        }
        this.lanes = List.copyOf(laneList);
    }

    /** How many masters there are. */
    public int size() {
        return clients.size();
    }

    /** A quorum: more than half of the masters (3 of 5, 1 of 1, 2 of 2). */
    public int quorum() {
        return clients.size() / 2 + 1;
    }

    /**
     * Each master's description, in master order: {@code host:port} (as the client was configured, never
     * with credentials); {@code cluster[nodes]} for a cluster client; {@code master #i} for a client
     * that cannot tell where it connects.
     */
    public List<String> names() {
        return names;
    }

    /**
     * Sends {@code command} to every master and returns, without waiting, the outcome: complete when
     * {@code needed} replies satisfy {@code success}, when that has become impossible, or after
     * {@code timeout} (masters that have not answered then count as failed). The future completes on
     * a master's lane thread or the shared timer: what is chained onto it must be short and must not
     * block.
     */
    public <T> CompletableFuture<Replies<T>> send(MasterCommand<T> command, Predicate<? super T> success, int needed,
            Duration timeout) {
        return sendAfter(null, command, success, needed, timeout);
    }

    /**
     * As {@link #send}, but only to the masters {@code previous} was sent to (all of them if it is
     * null); the others count as refusals without being asked, since the command cannot apply there
     * (releasing a lock whose SET never left for that master).
     */
    public <T> CompletableFuture<Replies<T>> sendAfter(Replies<?> previous, MasterCommand<T> command,
            Predicate<? super T> success, int needed, Duration timeout) {
        return withTimeout(start(previous, command, success, needed, inOrder(), size()), timeout);
    }

    private static <T> CompletableFuture<Replies<T>> withTimeout(QuorumCall<T> call, Duration timeout) {
        if (!call.outcome().isDone()) {
            String reason = noReply(timeout);
            call.timeoutBy(PotteryThreads.timer().schedule(() -> call.expire(reason), timeout.toNanos(),
                    TimeUnit.NANOSECONDS));
        }
        return call.outcome();
    }

    /**
     * Sends {@code command} to a quorum of masters, the healthy ones first (not stalled, last round
     * trip answered), and to one more for each of them that refuses or fails, until a quorum
     * succeeded or that became impossible, or until {@code timeout}: a quorum's work instead of every
     * master's when all is well. For commands whose effect needs only a quorum, such as NextId's
     * proposals or a quorum read.
     */
    public <T> CompletableFuture<Replies<T>> sendToQuorum(MasterCommand<T> command, Predicate<? super T> success,
            Duration timeout) {
        QuorumCall<T> call = start(null, command, success, quorum(), healthyFirst(), quorum());
        return withTimeout(call, timeout);
    }

    /** As {@link #sendToQuorum}, waiting for the outcome; see {@link #call} for interrupts. */
    public <T> Replies<T> callToQuorum(MasterCommand<T> command, Predicate<? super T> success, Duration timeout) {
        return await(start(null, command, success, quorum(), healthyFirst(), quorum()), timeout);
    }

    /** The masters' indices, healthy lanes first, then suspect ones, then stalled ones; in master order within each. */
    private int[] healthyFirst() {
        int[] order = new int[lanes.size()];
        int next = 0;
        for (int health = 0; health <= 2; health++) {
            for (int i = 0; i < lanes.size(); i++) {
                if (lanes.get(i).health() == health) {
                    order[next++] = i;
                }
            }
        }
        return order;
    }

    /**
     * Runs {@code command} on every master and waits until {@code needed} replies satisfy
     * {@code success}, until that has become impossible, or until {@code timeout} has passed. An
     * interrupt does not cut the wait short (the wait is bounded anyway); the interrupt status is kept
     * for the caller to act on.
     */
    public <T> Replies<T> call(MasterCommand<T> command, Predicate<? super T> success, int needed, Duration timeout) {
        return callAfter(null, command, success, needed, timeout);
    }

    /** As {@link #call}, but only on the masters {@code previous} was sent to; see {@link #sendAfter}. */
    public <T> Replies<T> callAfter(Replies<?> previous, MasterCommand<T> command, Predicate<? super T> success,
            int needed, Duration timeout) {
        return await(start(previous, command, success, needed, inOrder(), size()), timeout);
    }

    private static <T> Replies<T> await(QuorumCall<T> call, Duration timeout) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                try {
                    return call.outcome().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (TimeoutException e) {
                    call.expire(noReply(timeout));
                    return call.outcome().join();
                } catch (ExecutionException impossible) {
                    throw new IllegalStateException("a quorum call never fails", impossible);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Sends {@code command} to the masters {@code previous} was sent to (all if null) and waits for
     * nothing: each master runs it after the commands sent to it before.
     */
    public void post(Replies<?> previous, MasterCommand<?> command) {
        for (int i = 0; i < lanes.size(); i++) {
            if (previous == null || previous.wasSent(i)) {
                lanes.get(i).submit(new Pending<>(command, null, i));
            }
        }
    }

    private <T> QuorumCall<T> start(Replies<?> previous, MasterCommand<T> command, Predicate<? super T> success,
            int needed, int[] order, int initial) {
        Objects.requireNonNull(command, "command");
        QuorumCall<T> call = new QuorumCall<>(names, lanes, command, previous, success, needed, order);
        call.start(initial);
        return call;
    }

    private int[] inOrder() {
        int[] order = new int[lanes.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }

    private static String noReply(Duration timeout) {
        return "no reply within " + timeout.toMillis() + " ms";
    }

    /**
     * A master's endpoint where the client can tell it, else its position. Only a known endpoint is
     * remembered: a client that could not be named now (a custom client whose server was down) is
     * asked again by the next construction.
     */
    private static String describe(UnifiedJedis master, int index) {
        String endpoint = ENDPOINTS.get(master);
        if (endpoint == null) {
            endpoint = endpoint(master);
            if (!endpoint.isEmpty()) {
                ENDPOINTS.put(master, endpoint);
            }
        }
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
            HostAndPort configured = configuredAddress(client);
            if (configured != null) {
                return configured.getHost() + ":" + configured.getPort();
            }
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

    /**
     * The address a client's pool connects to (host and port only, never credentials), read without
     * a round trip, so that a master down or refusing our password is still named, and still found
     * twice. Jedis 8 keeps it in the pool's {@link ConnectionFactory} without a public getter: it is
     * read reflectively there; null where that fails (another Jedis version, a custom socket factory),
     * and then the caller asks a pooled connection.
     */
    private static HostAndPort configuredAddress(RedisClient client) {
        try {
            if (!(client.getPool().getFactory() instanceof ConnectionFactory factory)) {
                return null;
            }
            Field field = ConnectionFactory.class.getDeclaredField("connectionBuilder");
            field.setAccessible(true);
            if (field.get(factory) instanceof Connection.Builder builder
                    && builder.getSocketFactory() instanceof DefaultJedisSocketFactory sockets) {
                return sockets.getHostAndPort();
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return null;
        }
    }

    @Override
    public String toString() {
        return names.toString();
    }
}
