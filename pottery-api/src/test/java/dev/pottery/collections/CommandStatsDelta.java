package dev.pottery.collections;

import java.util.Map;
import java.util.TreeMap;
import dev.pottery.testing.NodeInfo;
import redis.clients.jedis.UnifiedJedis;

/**
 * Counts the Redis commands an operation issues, from {@code INFO commandstats} (summed over every
 * cluster node) before and after it.
 * Commands run inside a script are counted too (next to the {@code evalsha} that ran them); the
 * client's own housekeeping (INFO, PING, CLIENT, HELLO) is left out. Tests using it must not share the
 * server with concurrent work.
 */
public final class CommandStatsDelta {

    private CommandStatsDelta() {
    }

    /** The commands {@code operation} issued, by lower-case name, e.g. {@code {rpush=1}}. */
    public static Map<String, Long> of(UnifiedJedis redis, Runnable operation) {
        Map<String, Long> before = read(redis);
        operation.run();
        Map<String, Long> after = read(redis);
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((command, calls) -> {
            long n = calls - before.getOrDefault(command, 0L);
            if (n > 0) {
                delta.put(command, n);
            }
        });
        return delta;
    }

    private static Map<String, Long> read(UnifiedJedis redis) {
        Map<String, Long> calls = new TreeMap<>();
        for (String line : String.join("\n", NodeInfo.of(redis, "commandstats")).split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String command = line.substring("cmdstat_".length(), line.indexOf(':'));
            if (command.equals("info") || command.equals("ping") || command.startsWith("client")
                    || command.equals("hello")) {
                continue;
            }
            int at = line.indexOf("calls=") + "calls=".length();
            int end = line.indexOf(',', at);
            calls.merge(command, Long.parseLong(line.substring(at, end)), Long::sum);
        }
        return calls;
    }
}
