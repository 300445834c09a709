package dev.pottery.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code INFO} from every server behind a client: the one server of a plain client, every node of a
 * cluster client (whose own {@code info()} asks a random node). Tests that count commands or blocked
 * clients sum these, so they hold on one server and on a cluster alike.
 *
 * <pre>{@code
 * long blocked = NodeInfo.sum(redis, "clients", "blocked_clients");
 * }</pre>
 */
public final class NodeInfo {

    private NodeInfo() {
    }

    /** The {@code INFO section} text of each server behind {@code redis}. */
    public static List<String> of(UnifiedJedis redis, String section) {
        if (!(redis instanceof RedisClusterClient cluster)) {
            return List.of(redis.info(section));
        }
        List<String> texts = new ArrayList<>();
        for (Map.Entry<String, ConnectionPool> node : cluster.getClusterNodes().entrySet()) {
            try (Connection connection = node.getValue().getResource()) {
                texts.add(connection.executeCommand(new CommandObject<>(
                        new CommandArguments(Protocol.Command.INFO).add(section), BuilderFactory.STRING)));
            }
        }
        return texts;
    }

    /** The sum over every server of a numeric {@code field:value} line of {@code INFO section}. */
    public static long sum(UnifiedJedis redis, String section, String field) {
        long total = 0;
        for (String text : of(redis, section)) {
            for (String line : text.split("\r?\n")) {
                if (line.startsWith(field + ":")) {
                    total += Long.parseLong(line.substring(field.length() + 1).trim());
                }
            }
        }
        return total;
    }
}
