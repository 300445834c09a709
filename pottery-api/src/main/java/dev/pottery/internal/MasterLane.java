package dev.pottery.internal;

import java.lang.ref.WeakReference;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The commands bound for one master, sent in arrival order by one thread of their own. Whatever has
 * queued while a round trip was out goes together in the next pipeline (one connection, one round
 * trip, however many callers), so commands for one master never overtake each other, and a master
 * that stops answering holds up its own lane only: callers wait for a quorum of the other masters.
 *
 * <p><b>Stalls.</b> A lane is <em>stalled</em> when its round trip has been out for longer than its
 * stall threshold (8 times its typical round trip, at least 50 ms) and either other lanes got answers
 * to round trips sent after it, or its own last round trip failed too, or it has been out for 4
 * times the threshold. Then its waiting and in-flight droppable commands count as failed at once
 * (and the waiting ones are not sent), and new droppable commands fail without being queued, until
 * the round trip ends (an answer, or the client's socket timeout). Commands that must run (releases,
 * resets) are queued and awaited as usual: they are sent when the master answers again. The watch runs
 * every 10 ms on the shared timer; when the timer itself was late (the JVM or the machine was frozen),
 * it starts counting again, so a pause of the whole JVM does not look like stalled masters. A failure
 * from a stall carries how long the master has been unhealthy, so that callers can tell a master
 * that is down from one that was only slow for a moment on a loaded machine.
 *
 * <p>Pipelines need a single-server client (its {@code pipelined()} is a {@link Pipeline}); other
 * clients (cluster, custom) get their commands run one by one on the lane's thread. The thread is a
 * daemon, started on demand, and ends after 10 s without commands.
 */
final class MasterLane implements Runnable {

    private static final Map<UnifiedJedis, MasterLane> LANES = Collections.synchronizedMap(new WeakHashMap<>());
    /** Lanes whose thread runs: the stall watch looks at these. */
    private static final Set<MasterLane> RUNNING_LANES = ConcurrentHashMap.newKeySet();
    /** When the latest answered round trip (of any lane) was sent, on the {@link System#nanoTime()} clock. */
    private static final AtomicLong LATEST_ANSWERED_SEND = new AtomicLong(System.nanoTime() - TimeUnit.HOURS.toNanos(1));
    private static final Object WATCH_LOCK = new Object();
    private static ScheduledFuture<?> watch;
    /** The watch's latest tick, and when it last found itself late: both on the timer thread only. */
    private static long lastTick = System.nanoTime();
    private static long watchResumedAt = lastTick;

    static final long STALL_FLOOR_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long WATCH_PERIOD_MILLIS = 10;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How long the lane keeps its pipeline's connection while it has nothing to send. */
    private static final long KEEP_CONNECTION_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int MAX_BATCH = 512;
    private static final int MAX_QUEUED = 10_000;

    private final WeakReference<UnifiedJedis> client;
    private final String name;

    /** Commands waiting for the lane's thread; many submitters, one taker, no lock. */
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** {@link #STOPPED}, {@link #RUNNING} or {@link #PARKED}: whether a submitter must start or wake the thread. */
    private final AtomicInteger state = new AtomicInteger(STOPPED);
    private static final int STOPPED = 0;
    private static final int RUNNING = 1;
    private static final int PARKED = 2;
    private volatile Thread worker;

    /** Guards the start and end of a stall against the end of the round trip it is about. */
    private final Object stallLock = new Object();
    private volatile boolean stalled;
    private volatile String stallReason;
    /** The commands of the round trip out now. */
    private volatile List<Pending<?>> inFlight = List.of();
    /** The round trip out now, or null. */
    private volatile RoundTrip current;
    /** A moving average of answered round trips, in ns. */
    private volatile long typicalNanos;
    /** Whether the last round trip failed or stalled: the next one is suspected at once. */
    private volatile boolean suspect;
    /** Since when (nanoTime) round trips have failed or stalled without an answer in between; valid while suspect. */
    private volatile long unhealthySince;

    // Only touched by the lane's thread.
    /** The pipeline kept open (holding one pooled connection) while commands keep coming. */
    private Pipeline open;
    private boolean direct;
    private final Set<String> loadedScripts = new HashSet<>();

    private MasterLane(UnifiedJedis client, String name) {
        this.client = new WeakReference<>(client);
        this.name = name;
    }

    /** The lane of this client, shared by every primitive using it. */
    static MasterLane of(UnifiedJedis client, String name) {
        return LANES.computeIfAbsent(client, c -> new MasterLane(c, name));
    }

    /**
     * Queues a command, or fails it at once when it is droppable and the master is stalled or swamped.
     * A command that must run is always queued.
     *
     * @return whether the command was queued, so that it may run on the master
     */
    boolean submit(Pending<?> pending) {
        if (pending.droppable()) {
            if (stalled) {
                pending.failStalled(stallReason, unhealthyNanos());
                return false;
            }
            if (queued.get() >= MAX_QUEUED) {
                pending.fail(MAX_QUEUED + " commands already wait for this master");
                return false;
            }
        }
        queued.incrementAndGet();
        queue.offer(pending);
        if (pending.droppable() && stalled && queue.remove(pending)) {
            // The lane stalled while this was being queued: fail it as the stall did the others.
            queued.decrementAndGet();
            pending.failStalled(stallReason, unhealthyNanos());
            return false;
        }
        signal();
        return true;
    }

    /** Makes sure the lane's thread runs: starts it, or wakes it if it is parked. */
    private void signal() {
        int now = state.get();
        if (now == PARKED) {
            if (state.compareAndSet(PARKED, RUNNING)) {
                LockSupport.unpark(worker);
            }
        } else if (now == STOPPED && state.compareAndSet(STOPPED, RUNNING)) {
            RUNNING_LANES.add(this);
            Thread thread = new Thread(this, "pottery-master-" + name);
            thread.setDaemon(true);
            worker = thread;
            thread.start();
            startWatch();
        }
    }

    private long unhealthyNanos() {
        return suspect ? Math.max(0, System.nanoTime() - unhealthySince) : 0;
    }

    private void becameUnhealthy(long since) {
        if (!suspect) {
            unhealthySince = since;
            suspect = true;
        }
    }

    /**
     * 0 when the lane is healthy, 1 when its last round trip failed or stalled (suspect), 2 while it
     * is stalled: callers that need only a quorum ask healthy masters first.
     */
    int health() {
        if (stalled) {
            return 2;
        }
        return suspect ? 1 : 0;
    }

    @Override
    public void run() {
        try {
            while (true) {
                List<Pending<?>> batch = nextBatch();
                if (batch == null) {
                    return;
                }
                UnifiedJedis redis = client.get();
                try {
                    if (redis == null) {
                        batch.forEach(pending -> pending.fail("the client is gone"));
                    } else {
                        send(redis, batch);
                    }
                } catch (RuntimeException unexpected) {
                    // A bug must not end the lane: its callers would wait for ever.
                    closeOpenPipeline();
                    batch.forEach(pending -> pending.fail(describe(unexpected)));
                }
                synchronized (stallLock) {
                    current = null;
                    inFlight = List.of();
                    stalled = false;
                }
            }
        } catch (Error e) {
            // The thread ends: let the next command start a new one.
            closeOpenPipeline();
            synchronized (stallLock) {
                current = null;
                stalled = false;
            }
            RUNNING_LANES.remove(this);
            state.set(STOPPED);
            throw e;
        }
    }

    /**
     * Takes the next batch, parking while there is none; returns null when the thread is to end
     * (idle for 10 s; it keeps its pipeline's connection only for the first 100 ms of that).
     */
    private List<Pending<?>> nextBatch() {
        long idleSince = System.nanoTime();
        while (true) {
            List<Pending<?>> batch = take();
            if (!batch.isEmpty()) {
                inFlight = batch;
                current = new RoundTrip(System.nanoTime());
                return batch;
            }
            long idleFor = System.nanoTime() - idleSince;
            if (open != null && idleFor >= KEEP_CONNECTION_NANOS) {
                closeOpenPipeline(); // back to the pool: a connection idle in our hands could go stale
            }
            if (idleFor >= IDLE_NANOS) {
                if (state.compareAndSet(RUNNING, STOPPED)) {
                    RUNNING_LANES.remove(this);
                    // A command queued just before the stop would wait for ever: take the lane back.
                    if (queue.isEmpty() || !state.compareAndSet(STOPPED, RUNNING)) {
                        return null;
                    }
                    RUNNING_LANES.add(this);
                }
                continue;
            }
            state.set(PARKED);
            if (!queue.isEmpty()) {
                // A submitter may have seen RUNNING and not woken us: look again instead of parking.
                state.compareAndSet(PARKED, RUNNING);
                continue;
            }
            LockSupport.parkNanos(this, (open != null ? KEEP_CONNECTION_NANOS : IDLE_NANOS) - idleFor);
            // Woken by a submitter (it set RUNNING), by the time limit, or spuriously.
            state.compareAndSet(PARKED, RUNNING);
        }
    }

    private List<Pending<?>> take() {
        List<Pending<?>> batch = new ArrayList<>();
        Pending<?> next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(next);
        }
        return batch;
    }

    private void send(UnifiedJedis redis, List<Pending<?>> batch) {
        int i = 0;
        while (i < batch.size()) {
            if (!direct && batch.get(i).command().pipelinable()) {
                int end = i + 1;
                while (end < batch.size() && batch.get(end).command().pipelinable()) {
                    end++;
                }
                if (pipeline(redis, batch.subList(i, end))) {
                    i = end;
                }
            } else {
                runDirect(redis, batch.get(i));
                i++;
            }
        }
    }

    /**
     * Sends the commands in one pipeline on the lane's connection (kept between batches while commands
     * keep coming); false if this client cannot pipeline (then it never will).
     *
     * <p>Two failures are sent again at once, within this turn of the lane, instead of failing:
     * <ul>
     * <li>A broken connection (any connection failure but a read timeout: a pooled connection the
     * server closed while idle, by its {@code timeout} or a restart) is resent once on a fresh
     * connection, after the pool's idle connections (likely as stale) are dropped. The first send
     * almost surely did not run: a closed connection fails at once on its first read. Should it have
     * run (the connection broke between the server's work and its reply), resending does no harm:
     * every command the lanes send is a set-if-absent, a compare-and-set or a plain write of the same
     * value, so a second run can only turn the first one's success into a refusal on this master
     * (a lock or an ID that was in fact taken, a release whose key is already gone), never take,
     * extend or release anything twice. A read timeout is never resent: the master is slow, not
     * gone, and the stall watch deals with it.</li>
     * <li>A script the server does not know (NOSCRIPT: after SCRIPT FLUSH, or a restart the lane
     * did not see) is resent with its source (EVAL), after the other commands of the pipeline.</li>
     * </ul>
     */
    private boolean pipeline(UnifiedJedis redis, List<Pending<?>> pendings) {
        if (pendings.stream().noneMatch(Pending::toSend)) {
            return true;
        }
        long sentAt = current.sentAt();
        List<Response<?>> responses;
        try {
            if (!ensureOpen(redis)) {
                return false;
            }
            responses = syncAll(pendings);
        } catch (RuntimeException e) {
            closeOpenPipeline(); // a broken connection goes back to the pool, which drops it
            loadedScripts.clear(); // a restarted server may have lost its scripts
            if (!isBrokenConnection(e)) {
                failAll(pendings, e);
                return true;
            }
            dropIdleConnections(redis);
            try {
                if (!ensureOpen(redis)) {
                    return false;
                }
                responses = syncAll(pendings);
            } catch (RuntimeException again) {
                closeOpenPipeline();
                failAll(pendings, again);
                return true;
            }
        }
        answered(sentAt);
        resendUnknownScripts(pendings, responses);
        for (int i = 0; i < pendings.size(); i++) {
            Response<?> response = responses.get(i);
            if (response != null) {
                try {
                    pendings.get(i).succeed(response.get());
                } catch (JedisDataException e) {
                    pendings.get(i).fail(describe(e));
                }
            }
        }
        return true;
    }

    /**
     * Opens the lane's pipeline if it has none; false if this client cannot pipeline (then it never
     * will).
     *
     * @throws RuntimeException if no connection can be had
     */
    private boolean ensureOpen(UnifiedJedis redis) {
        if (open != null) {
            return true;
        }
        AbstractPipeline opened;
        try {
            opened = redis.pipelined();
        } catch (IllegalStateException | UnsupportedOperationException cannotPipeline) {
            direct = true;
            return false;
        }
        if (!(opened instanceof Pipeline pipeline)) {
            // Cluster or multi-database pipelines route and sync per node: run the commands directly.
            closeQuietly(opened);
            direct = true;
            return false;
        }
        open = pipeline;
        return true;
    }

    /**
     * Appends the commands still to send to the open pipeline and syncs it: one round trip. A script
     * the lane does not know the server to have goes by EVAL with its source on its first use.
     *
     * @return each command's response, null for those not sent
     */
    private List<Response<?>> syncAll(List<Pending<?>> pendings) {
        Pipeline pipeline = open;
        List<Response<?>> responses = new ArrayList<>(pendings.size());
        Set<String> loading = new HashSet<>();
        for (Pending<?> pending : pendings) {
            if (!pending.toSend()) {
                responses.add(null);
                continue;
            }
            MasterCommand<?> command = pending.command();
            LuaScript script = command.script();
            boolean firstUnknownUse = script != null && !loadedScripts.contains(script.sha())
                    && loading.add(script.sha());
            responses.add(firstUnknownUse ? command.appendWithSourceTo(pipeline) : command.appendTo(pipeline));
        }
        pipeline.sync();
        loadedScripts.addAll(loading);
        return responses;
    }

    /**
     * Resends, with their scripts' source, the script commands the server answered NOSCRIPT (its
     * script cache was flushed), in one more round trip; their new responses replace the old ones.
     */
    private void resendUnknownScripts(List<Pending<?>> pendings, List<Response<?>> responses) {
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < pendings.size(); i++) {
            if (pendings.get(i).command().script() != null && isNoScript(responses.get(i))) {
                unknown.add(i);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        loadedScripts.clear();
        List<Pending<?>> resend = unknown.stream().<Pending<?>>map(pendings::get).toList();
        long sentAt = System.nanoTime();
        try {
            List<Response<?>> resent = syncAll(resend);
            for (int j = 0; j < unknown.size(); j++) {
                responses.set(unknown.get(j), resent.get(j));
            }
            answered(sentAt);
        } catch (RuntimeException e) {
            closeOpenPipeline();
            loadedScripts.clear();
            becameUnhealthy(sentAt);
            String reason = describe(e);
            for (int i : unknown) {
                pendings.get(i).fail(reason);
                responses.set(i, null);
            }
        }
    }

    private static boolean isNoScript(Response<?> response) {
        if (response == null) {
            return false;
        }
        try {
            response.get();
            return false;
        } catch (JedisDataException e) {
            return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
        }
    }

    /** A connection that broke (closed, reset, refused), as opposed to one whose reply is late. */
    private static boolean isBrokenConnection(RuntimeException e) {
        if (!(e instanceof JedisConnectionException)) {
            return false;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return false;
            }
        }
        return true;
    }

    /**
     * Drops the idle connections of the client's pool: when one proved dead, the others, idle as
     * long, are likely dead too, and the next borrow must connect afresh.
     */
    private static void dropIdleConnections(UnifiedJedis redis) {
        if (redis instanceof RedisClient client) {
            try {
                client.getPool().clear();
            } catch (RuntimeException ignored) {
                // the retry borrows whatever the pool gives
            }
        }
    }

    private void runDirect(UnifiedJedis redis, Pending<?> pending) {
        if (!pending.toSend()) {
            return;
        }
        long sentAt = System.nanoTime();
        current = new RoundTrip(sentAt);
        try {
            Object reply = pending.command().run(redis);
            answered(sentAt);
            pending.succeed(reply);
        } catch (JedisDataException e) {
            answered(sentAt);
            pending.fail(describe(e));
        } catch (RuntimeException e) {
            becameUnhealthy(sentAt);
            pending.fail(describe(e));
        }
    }

    /** A round trip sent at {@code sentAt} was answered: learn its duration and tell the stall watch. */
    private void answered(long sentAt) {
        long took = System.nanoTime() - sentAt;
        long typical = typicalNanos;
        long sample = Math.min(took, threshold());
        typicalNanos = typical + (sample - typical) / 8;
        suspect = false;
        LATEST_ANSWERED_SEND.accumulateAndGet(sentAt, (latest, sent) -> sent - latest > 0 ? sent : latest);
    }

    private long threshold() {
        return Math.max(STALL_FLOOR_NANOS, 8 * typicalNanos);
    }

    private void failAll(List<Pending<?>> pendings, RuntimeException e) {
        // The connection failed: a restarted server may have lost its scripts.
        loadedScripts.clear();
        becameUnhealthy(System.nanoTime());
        String reason = describe(e);
        pendings.forEach(pending -> pending.fail(reason));
    }

    /** Marks this lane stalled if its round trip is overdue; see the class documentation. */
    private void checkStall(long now, long latestAnsweredSend, long watchedSince) {
        RoundTrip trip = current;
        if (trip == null) {
            return;
        }
        long since = watchedSince - trip.sentAt() > 0 ? watchedSince : trip.sentAt();
        long out = now - since;
        long threshold = threshold();
        boolean othersAnswered = latestAnsweredSend - trip.sentAt() > threshold / 2;
        if (out <= threshold || !(suspect || othersAnswered || out > 4 * threshold)) {
            return;
        }
        String reason = "stalled: no reply for " + TimeUnit.NANOSECONDS.toMillis(out) + " ms";
        List<Pending<?>> failed = new ArrayList<>();
        synchronized (stallLock) {
            if (current != trip || stalled) {
                return;
            }
            becameUnhealthy(trip.sentAt());
            stallReason = reason;
            stalled = true;
            for (Pending<?> pending : inFlight) {
                if (pending.droppable()) {
                    failed.add(pending);
                }
            }
        }
        // Waiting droppable commands are not sent: their callers stop waiting for this master now.
        for (Pending<?> pending : queue) {
            if (pending.droppable() && queue.remove(pending)) {
                queued.decrementAndGet();
                failed.add(pending);
            }
        }
        long unhealthy = unhealthyNanos();
        failed.forEach(pending -> pending.failStalled(reason, unhealthy));
    }

    private static void startWatch() {
        synchronized (WATCH_LOCK) {
            if (watch == null) {
                watch = PotteryThreads.timer().scheduleWithFixedDelay(MasterLane::watchAll, WATCH_PERIOD_MILLIS,
                        WATCH_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static void watchAll() {
        if (RUNNING_LANES.isEmpty()) {
            synchronized (WATCH_LOCK) {
                if (RUNNING_LANES.isEmpty() && watch != null) {
                    watch.cancel(false);
                    watch = null;
                }
            }
            return;
        }
        long now = System.nanoTime();
        if (now - lastTick > TimeUnit.MILLISECONDS.toNanos(3 * WATCH_PERIOD_MILLIS)) {
            watchResumedAt = now; // the timer was late: whatever is out may just not have been read yet
        }
        lastTick = now;
        long latest = LATEST_ANSWERED_SEND.get();
        for (MasterLane lane : RUNNING_LANES) {
            try {
                lane.checkStall(now, latest, watchResumedAt);
            } catch (RuntimeException unexpected) {
                // A periodic task that throws is never run again: keep watching the other lanes.
            }
        }
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void closeOpenPipeline() {
        if (open != null) {
            closeQuietly(open);
            open = null;
        }
    }

    private static void closeQuietly(AbstractPipeline pipeline) {
        try {
            pipeline.close();
        } catch (RuntimeException ignored) {
            // nothing was sent on it
        }
    }

    @Override
    public String toString() {
        return "MasterLane[" + name + "]";
    }

    private record RoundTrip(long sentAt) {
    }
}
