package dev.pottery;

import dev.pottery.id.NextId;
import dev.pottery.lock.Redlock;
import dev.pottery.testing.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * A second JVM for the cross-process tests: {@code lock <counter-port> <n> <port>...} increments a
 * non-atomic counter {@code n} times under {@code Redlock("printer")}; {@code ids <n> <port>...}
 * prints {@code n} IDs of {@code NextId("user-ids")}, one per line.
 */
public final class ChildProcess {

    private ChildProcess() {
    }

    public static void main(String[] args) {
        List<UnifiedJedis> masters = new ArrayList<>();
        int first = args[0].equals("lock") ? 3 : 2;
        for (int i = first; i < args.length; i++) {
            masters.add(RedisClient.create("127.0.0.1", Integer.parseInt(args[i])));
        }
        int n = Integer.parseInt(args[first - 1]);
        masters.get(0).set("child-ready", "1"); // the parent starts its threads now, so both run at once
        if (args[0].equals("lock")) {
            try (RedisClient counter = RedisClient.create("127.0.0.1", Integer.parseInt(args[1]))) {
                Redlock lock = Redlock.builder("printer", masters).retryDelay(java.time.Duration.ofMillis(10)).build();
                for (int i = 0; i < n; i++) {
                    lock.lock();
                    try {
                        String value = counter.get("counter");
                        counter.set("counter", Long.toString((value == null ? 0 : Long.parseLong(value)) + 1));
                    } finally {
                        lock.unlock();
                    }
                }
            }
        } else {
            NextId ids = new NextId("user-ids", masters);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < n; i++) {
                out.append(ids.next()).append('\n');
            }
            System.out.print(out);
        }
        masters.forEach(UnifiedJedis::close);
    }

    /** Starts this class in a new JVM with the test classpath and waits until it is about to work. */
    public static Process start(String mode, List<String> extra, List<RedisServer> servers) throws IOException {
        List<String> args = new ArrayList<>(List.of(mode));
        args.addAll(extra);
        servers.forEach(server -> args.add(Integer.toString(server.port())));
        Process child = startJvm(ChildProcess.class, args);
        try (UnifiedJedis first = servers.get(0).newClient()) {
            for (int i = 0; i < 600 && first.get("child-ready") == null && child.isAlive(); i++) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return child;
    }

    /** Starts {@code main} in a new JVM with the test class path and the given arguments; its errors go to ours. */
    public static Process startJvm(Class<?> main, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Waits for the child and returns its standard output, failing if it failed. */
    public static String output(Process child) throws IOException, InterruptedException {
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
            child.destroyForcibly();
            throw new IllegalStateException("the child JVM failed: exit " + (child.isAlive() ? "none" : child.exitValue()));
        }
        return out;
    }
}
