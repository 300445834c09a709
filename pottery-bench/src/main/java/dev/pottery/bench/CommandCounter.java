package dev.pottery.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;
import redis.clients.jedis.UnifiedJedis;

/**
 * Counts the Redis commands one operation sends, by watching every master it uses with MONITOR:
 * exact and stable on a noisy machine, unlike timings. MONITOR tells the commands a client sent from
 * those a Lua script ran ({@code [0 lua]}), so a script counts as one command sent, with its inner
 * calls shown apart.
 */
final class CommandCounter {

    private static final int RUNS = 200;
    private static final String END_MARK = "pottery-bench-count-end";

    private CommandCounter() {
    }

    /** Commands sent per operation with the breakdown, e.g. {@code 1.00 (evalsha 1.00; in scripts: get 1.00)}. */
    static String perOperation(OperationSpec spec, BenchContext context, List<HostAndPort> addresses) {
        Operation op = spec.setup().apply(context);
        op.invoke(); // loads scripts and warms connections outside the count
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> inScripts = new ConcurrentHashMap<>();
        List<Watcher> watchers = new ArrayList<>();
        for (int i = 0; i < spec.masters(); i++) {
            watchers.add(new Watcher(addresses.get(i), sent, inScripts));
        }
        for (int i = 0; i < RUNS; i++) {
            op.invoke();
        }
        List<UnifiedJedis> masters = context.masters(spec.masters());
        for (int i = 0; i < watchers.size(); i++) {
            masters.get(i).echo(END_MARK);
            watchers.get(i).awaitEnd();
        }
        long total = sent.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder out = new StringBuilder(String.format("%.2f (", (double) total / RUNS));
        out.append(breakdown(sent));
        if (!inScripts.isEmpty()) {
            out.append("; in scripts: ").append(breakdown(inScripts));
        }
        return out.append(')').toString();
    }

    private static String breakdown(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(counts).forEach((command, count) ->
                parts.add(command + " " + String.format("%.2f", (double) count / RUNS)));
        return String.join(", ", parts);
    }

    /** A MONITOR connection to one master, tallying commands until it sees the end mark. */
    private static final class Watcher {

        private final Jedis connection;
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);

        Watcher(HostAndPort address, Map<String, Long> sent, Map<String, Long> inScripts) {
            connection = new Jedis(address);
            Thread thread = new Thread(() -> {
                try {
                    connection.monitor(new JedisMonitor() {
                        @Override
                        public void onCommand(String line) {
                            tally(line, sent, inScripts);
                        }
                    });
                } catch (RuntimeException closed) {
                    // the connection is closed once the end mark is seen
                }
            }, "monitor-" + address);
            thread.setDaemon(true);
            thread.start();
            // MONITOR replies OK before streaming; a short pause lets it register before the count starts.
            sleep(200);
            started.countDown();
        }

        private void tally(String line, Map<String, Long> sent, Map<String, Long> inScripts) {
            int bracket = line.indexOf(']');
            if (bracket < 0) {
                return;
            }
            String command = line.substring(bracket + 1).trim();
            int endQuote = command.indexOf('"', 1);
            String name = endQuote > 0 ? command.substring(1, endQuote).toLowerCase() : command;
            if (name.equals("echo") && command.contains(END_MARK)) {
                ended.countDown();
                return;
            }
            boolean fromScript = line.substring(0, bracket).contains("lua");
            (fromScript ? inScripts : sent).merge(name, 1L, Long::sum);
        }

        void awaitEnd() {
            try {
                ended.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connection.close();
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
