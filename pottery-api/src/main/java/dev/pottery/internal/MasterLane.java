package dev.pottery.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
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
    private static final Set<MasterLane> RUNNING = ConcurrentHashMap.newKeySet();
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

    // Guarded by this.
    private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    private List<Pending<?>> inFlight = List.of();
    private boolean running;
    private boolean idle;
    private volatile boolean stalled;
    private String stallReason;

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
        boolean stalledNow;
        boolean queued;
        String reason;
        synchronized (this) {
            reason = stallReason;
            stalledNow = stalled && pending.droppable();
            queued = !stalledNow && (queue.size() < MAX_QUEUED || !pending.droppable());
            if (queued) {
                queue.add(pending);
                wake();
            }
        }
        if (stalledNow) {
            pending.failStalled(reason, unhealthyNanos());
        } else if (!queued) {
            pending.fail(MAX_QUEUED + " commands already wait for this master");
        }
        return queued;
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
        RoundTrip trip = current;
        if (trip != null && stalled) {
            return 2;
        }
        return suspect ? 1 : 0;
    }

    /** With the monitor held: makes sure the lane's thread runs and looks at the queue. */
    private void wake() {
        if (!running) {
            running = true;
            RUNNING.add(this);
            Thread thread = new Thread(this, "pottery-master-" + name);
            thread.setDaemon(true);
            thread.start();
            startWatch();
        } else if (idle) {
            notify();
        }
    }

    @Override
    public void run() {
        boolean ended = false;
        try {
            while (true) {
                List<Pending<?>> batch = nextBatch();
                if (batch == null) {
                    ended = true;
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
                synchronized (this) {
                    current = null;
                    inFlight = List.of();
                    stalled = false;
                }
            }
        } finally {
            if (!ended) {
                synchronized (this) {
                    // An Error ends the thread: let the next command start a new one.
                    running = false;
                    RUNNING.remove(this);
                    current = null;
                    stalled = false;
                }
            }
        }
    }

    /** Waits for commands and takes the next batch, or returns null (and ends the thread) when idle too long. */
    private synchronized List<Pending<?>> nextBatch() {
        long idleSince = System.nanoTime();
        while (queue.isEmpty()) {
            long idleFor = System.nanoTime() - idleSince;
            if (open != null && idleFor >= KEEP_CONNECTION_NANOS) {
                closeOpenPipeline(); // back to the pool: a connection idle in our hands could go stale
            }
            long left = (open != null ? KEEP_CONNECTION_NANOS : IDLE_NANOS) - idleFor;
            if (left <= 0 && open == null) {
                running = false;
                RUNNING.remove(this);
                return null;
            }
            idle = true;
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                // a daemon of our own: nobody interrupts it for a reason to act on
            } finally {
                idle = false;
            }
        }
        List<Pending<?>> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queue.poll());
        }
        inFlight = batch;
        current = new RoundTrip(System.nanoTime());
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
     */
    private boolean pipeline(UnifiedJedis redis, List<Pending<?>> pendings) {
        if (pendings.stream().noneMatch(Pending::toSend)) {
            return true;
        }
        if (open == null) {
            AbstractPipeline opened;
            try {
                opened = redis.pipelined();
            } catch (IllegalStateException | UnsupportedOperationException cannotPipeline) {
                direct = true;
                return false;
            } catch (RuntimeException e) {
                failAll(pendings, e);
                return true;
            }
            if (!(opened instanceof Pipeline pipeline)) {
                // Cluster or multi-database pipelines route and sync per node: run the commands directly.
                closeQuietly(opened);
                direct = true;
                return false;
            }
            open = pipeline;
        }
        Pipeline pipeline = open;
        long sentAt = current.sentAt();
        List<Response<?>> responses = new ArrayList<>(pendings.size());
        Set<String> loading = new HashSet<>();
        try {
            for (Pending<?> pending : pendings) {
                if (!pending.toSend()) {
                    responses.add(null);
                    continue;
                }
                MasterCommand<?> command = pending.command();
                LuaScript script = command.script();
                if (script != null && !loadedScripts.contains(script.sha()) && loading.add(script.sha())) {
                    script.appendLoad(pipeline, command.key());
                }
                responses.add(command.appendTo(pipeline));
            }
            pipeline.sync();
        } catch (RuntimeException e) {
            closeOpenPipeline(); // a broken connection goes back to the pool, which drops it
            failAll(pendings, e);
            return true;
        }
        answered(sentAt);
        loadedScripts.addAll(loading);
        for (int i = 0; i < pendings.size(); i++) {
            Response<?> response = responses.get(i);
            if (response != null) {
                try {
                    pendings.get(i).succeed(response.get());
                } catch (JedisDataException e) {
                    forgetScriptsIfUnknown(e);
                    pendings.get(i).fail(describe(e));
                }
            }
        }
        return true;
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

    private void forgetScriptsIfUnknown(JedisDataException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")) {
            loadedScripts.clear();
        }
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
        List<Pending<?>> failed = new ArrayList<>();
        String reason;
        synchronized (this) {
            if (current != trip || stalled) {
                return;
            }
            stalled = true;
            becameUnhealthy(trip.sentAt());
            reason = "stalled: no reply for " + TimeUnit.NANOSECONDS.toMillis(out) + " ms";
            stallReason = reason;
            for (Pending<?> pending : inFlight) {
                if (pending.droppable()) {
                    failed.add(pending);
                }
            }
            for (Pending<?> pending : queue) {
                if (pending.droppable()) {
                    failed.add(pending);
                }
            }
            queue.removeIf(Pending::droppable);
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
        if (RUNNING.isEmpty()) {
            synchronized (WATCH_LOCK) {
                if (RUNNING.isEmpty() && watch != null) {
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
        for (MasterLane lane : RUNNING) {
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
