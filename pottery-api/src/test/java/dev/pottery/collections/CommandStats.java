package dev.pottery.collections;

import dev.pottery.testing.NodeInfo;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.UnifiedJedis;

/**
 * Counts the commands the Redis servers behind a client (one server, or every cluster node) executed,
 * from {@code INFO commandstats}, to prove how many round trips an operation costs. Commands a Lua script runs are counted too (under their own names), so an
 * operation done by one script shows as one EVALSHA plus the script's inner commands.
 */
public final class CommandStats {

    /** Commands a pooled client sends on its own (connection checks, handshakes), not the operation's. */
    private static final java.util.Set<String> CLIENT_HOUSEKEEPING = java.util.Set.of("ping", "hello");

    private final UnifiedJedis redis;
    private Map<String, Long> before;

    private CommandStats(UnifiedJedis redis) {
        this.redis = redis;
        this.before = read(redis);
    }

    /** The commands {@code operation} issued, by lower-case name, e.g. {@code {rpush=1}}. */
    public static Map<String, Long> of(UnifiedJedis redis, Runnable operation) {
        CommandStats stats = start(redis);
        operation.run();
        return stats.delta();
    }

    /** Starts counting from now. */
    public static CommandStats start(UnifiedJedis redis) {
        return new CommandStats(redis);
    }

    /** The commands run since the start (or the last call), by lower-case name; INFO itself is left out. */
    public Map<String, Long> delta() {
        Map<String, Long> after = read(redis);
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((command, calls) -> {
            long d = calls - before.getOrDefault(command, 0L);
            if (d != 0 && !command.equals("info")) {
                delta.put(command, d);
            }
        });
        before = read(redis);
        return delta;
    }

    private static Map<String, Long> read(UnifiedJedis redis) {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : String.join("\n", NodeInfo.of(redis, "commandstats")).split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                if (CLIENT_HOUSEKEEPING.contains(name) || name.startsWith("client")) {
                    continue;
                }
                int start = line.indexOf("calls=") + "calls=".length();
                int end = line.indexOf(',', start);
                calls.merge(name, Long.parseLong(line.substring(start, end)), Long::sum);
            }
        }
        return calls;
    }
}
