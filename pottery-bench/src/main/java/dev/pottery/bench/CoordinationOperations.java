package dev.pottery.bench;

import dev.pottery.id.NextId;
import dev.pottery.lock.Redlock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.params.SetParams;

/**
 * Redlock and NextId on 1 and 5 masters, and on 5 masters with one of them paused (SIGSTOP) for the
 * whole measurement. Their floors run on one server: the gap between the 1- and 5-master rows is the
 * cost of the extra masters, which are asked in parallel; the gap between a paused row and the same
 * row without a pause is what a stalled master costs.
 *
 * <p>The contended rows are the fault scenario of issue 15: every benchmark thread takes turns on
 * one key through one of three {@code Redlock}s, each with its own clients (three processes' worth of
 * connections), and holds the lock for 1 ms.
 */
final class CoordinationOperations {

    static final String ONE_KEY_LOCK = "Jedis one-key SET NX PX lock, held 1 ms";

    private static final long HELD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final String COMPARE_AND_DELETE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private CoordinationOperations() {
    }

    static List<OperationSpec> list() {
        return List.of(
                lockUnlock(1, 0),
                lockUnlock(5, 0),
                lockUnlock(5, 1),
                nextId(1, 0),
                nextId(5, 0),
                nextId(5, 1),
                oneKeyLockFloor(),
                contended(0),
                contended(1));
    }

    private static String masters(int masters, int paused) {
        return masters + (masters == 1 ? " master" : " masters") + (paused == 0 ? "" : ", " + paused + " paused");
    }

    private static OperationSpec lockUnlock(int masters, int paused) {
        return new OperationSpec("Redlock lock+unlock, " + masters(masters, paused),
                FloorOperations.LOCK_UNLOCK, masters, paused, c -> {
                    // One lock per key of the working set, so that threads rarely meet on the same lock.
                    Redlock[] locks = new Redlock[Workload.KEYS];
                    String prefix = "bench:" + (paused == 0 ? "" : "paused:");
                    for (int i = 0; i < locks.length; i++) {
                        locks[i] = new Redlock(prefix + Workload.key(i), c.masters(masters));
                    }
                    return () -> {
                        Redlock lock = locks[ThreadLocalRandom.current().nextInt(locks.length)];
                        lock.lock();
                        lock.unlock();
                        return lock;
                    };
                });
    }

    private static OperationSpec nextId(int masters, int paused) {
        return new OperationSpec("NextId.next, " + masters(masters, paused), FloorOperations.INCR, masters, paused, c -> {
            if (paused > 0) {
                // reset() needs every master: a fresh key instead.
                return new NextId("bench-" + masters + "-" + UUID.randomUUID(), c.masters(masters))::next;
            }
            NextId ids = new NextId("bench-" + masters, c.masters(masters));
            ids.reset();
            return ids::next;
        });
    }

    /** Raw Jedis on one server: SET NX PX on one key, retried after up to 200 µs; held 1 ms; compare-and-delete. */
    private static OperationSpec oneKeyLockFloor() {
        return new OperationSpec(ONE_KEY_LOCK, null, 1, c -> {
            String sha = c.redis().scriptLoad(COMPARE_AND_DELETE);
            SetParams params = SetParams.setParams().nx().px(10_000);
            String key = "bench:floor:one-key-lock";
            c.redis().del(key);
            return () -> {
                String token = UUID.randomUUID().toString();
                while (c.redis().set(key, token, params) == null) {
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
                }
                LockSupport.parkNanos(HELD_NANOS);
                return c.redis().evalsha(sha, List.of(key), List.of(token));
            };
        });
    }

    private static OperationSpec contended(int paused) {
        return new OperationSpec("Redlock one key, 3 processes, held 1 ms, " + masters(5, paused),
                ONE_KEY_LOCK, 5, paused, c -> {
                    Redlock[] processes = new Redlock[3];
                    for (int i = 0; i < processes.length; i++) {
                        processes[i] = Redlock.builder("bench:one-key" + (paused == 0 ? "" : ":paused"), c.newMasters(5))
                                .retryDelay(Duration.ofMillis(10)).build();
                    }
                    AtomicInteger threads = new AtomicInteger();
                    ThreadLocal<Redlock> mine = ThreadLocal.withInitial(
                            () -> processes[threads.getAndIncrement() % processes.length]);
                    return () -> {
                        Redlock lock = mine.get();
                        lock.lock();
                        try {
                            LockSupport.parkNanos(HELD_NANOS);
                        } finally {
                            lock.unlock();
                        }
                        return lock;
                    };
                });
    }
}
