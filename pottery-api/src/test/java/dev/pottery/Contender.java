package dev.pottery;

import dev.pottery.id.NextId;
import dev.pottery.lock.Redlock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * One process's worth of contenders for the liveness tests, run in this JVM or in a child JVM
 * ({@code main}): {@code threads} threads work until the key {@code stop} appears on the counter
 * server, each turn either a critical section under {@code Redlock("printer")} (a non-atomic
 * increment of {@code counter}, then 1 ms of work) or one {@code NextId("user-ids").next()}. Every
 * 20 ms the process adds its progress to {@code progress} on the counter server, so the parent can
 * count turns per second across processes. A child prints its turns (lock) or its IDs (ids) at the end.
 */
public final class Contender {

    public static final String STOP = "stop";
    public static final String PROGRESS = "progress";
    public static final String COUNTER = "counter";

    private final String mode;
    private final UnifiedJedis counter;
    private final List<UnifiedJedis> masters;
    private final int threads;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong turns = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<long[]> ids = new ArrayList<>();

    public Contender(String mode, UnifiedJedis counter, List<UnifiedJedis> masters, int threads) {
        this.mode = mode;
        this.counter = counter;
        this.masters = masters;
        this.threads = threads;
    }

    /** {@code lock|ids <counter-port> <threads> <master-port>...}. */
    public static void main(String[] args) throws Exception {
        List<UnifiedJedis> masters = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            masters.add(RedisClient.create("127.0.0.1", Integer.parseInt(args[i])));
        }
        try (RedisClient counter = RedisClient.create("127.0.0.1", Integer.parseInt(args[1]))) {
            Contender contender = new Contender(args[0], counter, masters, Integer.parseInt(args[2]));
            contender.run();
            StringBuilder out = new StringBuilder();
            if (args[0].equals("lock")) {
                out.append(contender.turns()).append('\n');
            } else {
                for (long[] drawn : contender.ids()) {
                    for (long id : drawn) {
                        out.append(id).append('\n');
                    }
                }
            }
            System.out.print(out);
        }
        masters.forEach(UnifiedJedis::close);
    }

    /** Starts {@code Contender.main} in a new JVM with the test class path. */
    public static Process startChild(String mode, int counterPort, int threads, List<Integer> masterPorts)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(mode, Integer.toString(counterPort), Integer.toString(threads)));
        masterPorts.forEach(port -> args.add(Integer.toString(port)));
        return ChildProcess.startJvm(Contender.class, args);
    }

    /** Works until {@code stop} appears on the counter server. */
    public void run() throws InterruptedException {
        Redlock lock = Redlock.builder("printer", masters).retryDelay(Duration.ofMillis(10)).build();
        NextId sequence = new NextId("user-ids", masters);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Long> mine = new ArrayList<>();
            Thread worker = new Thread(() -> {
                try {
                    while (!stopped.get()) {
                        if (mode.equals("lock")) {
                            criticalSection(lock);
                        } else {
                            mine.add(sequence.next());
                        }
                        turns.incrementAndGet();
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    stopped.set(true);
                }
                synchronized (ids) {
                    ids.add(mine.stream().mapToLong(Long::longValue).toArray());
                }
            });
            worker.start();
            workers.add(worker);
        }
        long reported = 0;
        while (!stopped.get()) {
            Thread.sleep(20);
            long now = turns.get();
            counter.incrBy(PROGRESS, now - reported);
            reported = now;
            stopped.set(counter.exists(STOP));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        counter.incrBy(PROGRESS, turns.get() - reported);
        if (failure.get() != null) {
            throw new IllegalStateException("a contender failed", failure.get());
        }
    }

    private void criticalSection(Redlock lock) {
        lock.lock();
        try {
            String value = counter.get(COUNTER);
            counter.set(COUNTER, Long.toString((value == null ? 0 : Long.parseLong(value)) + 1));
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    public long turns() {
        return turns.get();
    }

    public List<long[]> ids() {
        return ids;
    }
}
