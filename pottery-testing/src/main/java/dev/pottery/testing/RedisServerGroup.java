package dev.pottery.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * N independent Redis servers, started together and closed together: the plain Java API of the test
 * support (the JUnit extension {@link RedisServers} builds on it).
 *
 * <pre>{@code
 * try (RedisServerGroup masters = RedisServerGroup.start(5)) {
 *     List<UnifiedJedis> clients = masters.clients();
 *     masters.get(0).kill();
 *     masters.get(0).restart();
 * }
 * }</pre>
 */
public final class RedisServerGroup implements AutoCloseable {

    private final List<RedisServer> servers;
    private final List<RedisClient> clients = new ArrayList<>();

    private RedisServerGroup(List<RedisServer> servers) {
        this.servers = List.copyOf(servers);
    }

    /** Starts {@code count} non-persistent servers, in parallel. */
    public static RedisServerGroup start(int count) {
        return start(count, ServerOptions.DEFAULT);
    }

    /** Starts {@code count} servers with the given options, in parallel; all or none. */
    public static RedisServerGroup start(int count, ServerOptions options) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        ServerSource source = ServerSources.chosen();
        List<CompletableFuture<RedisServer>> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> source.start(options)));
        }
        List<RedisServer> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<RedisServer> future : starting) {
            try {
                started.add(future.join());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            started.forEach(RedisServer::close);
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            throw cause instanceof RuntimeException runtime ? runtime : failure;
        }
        return new RedisServerGroup(started);
    }

    /** The i-th server. */
    public RedisServer get(int index) {
        return servers.get(index);
    }

    /** All servers, in start order. */
    public List<RedisServer> servers() {
        return servers;
    }

    /** How many servers the group has. */
    public int size() {
        return servers.size();
    }

    /** One client per server, created on first use and closed with the group. */
    public synchronized List<UnifiedJedis> clients() {
        if (clients.isEmpty()) {
            servers.forEach(server -> clients.add(server.newClient()));
        }
        return Collections.unmodifiableList(new ArrayList<UnifiedJedis>(clients));
    }

    /** The client of the first server: the usual one for single-server tests. */
    public UnifiedJedis client() {
        return clients().get(0);
    }

    /** Deletes every key on every running server, e.g. between tests. */
    public void flushAll() {
        List<UnifiedJedis> all = clients();
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).isRunning()) {
                flush(all.get(i));
            }
        }
    }

    private static void flush(UnifiedJedis client) {
        // After a restart the pool may still hold connections to the old process: each fails once.
        for (int attempt = 1; ; attempt++) {
            try {
                client.flushAll();
                return;
            } catch (JedisConnectionException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Stops every server and closes the clients. */
    @Override
    public synchronized void close() {
        clients.forEach(RedisClient::close);
        clients.clear();
        servers.parallelStream().forEach(RedisServer::close);
    }

    @Override
    public String toString() {
        return servers.toString();
    }
}
