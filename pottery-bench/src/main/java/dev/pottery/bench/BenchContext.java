package dev.pottery.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The servers a benchmark talks to, passed from the launcher to JMH's forked JVMs as the system
 * property {@value #SERVERS_PROPERTY} ({@code host:port,host:port,...}).
 */
public final class BenchContext implements AutoCloseable {

    /** System property listing the servers. */
    public static final String SERVERS_PROPERTY = "pottery.bench.servers";

    private final List<RedisClient> clients = new ArrayList<>();
    private final List<HostAndPort> servers;

    private BenchContext(List<HostAndPort> servers) {
        this.servers = List.copyOf(servers);
        for (HostAndPort server : servers) {
            // Enough connections for 8 benchmark threads plus one blocked or spare.
            clients.add(RedisClient.builder().hostAndPort(server)
                    .poolConfig(poolOf(16)).build());
        }
    }

    private static redis.clients.jedis.ConnectionPoolConfig poolOf(int size) {
        redis.clients.jedis.ConnectionPoolConfig config = new redis.clients.jedis.ConnectionPoolConfig();
        config.setMaxTotal(size);
        config.setMaxIdle(size);
        return config;
    }

    /** Reads the servers from the system property. */
    public static BenchContext fromSystemProperty() {
        String value = System.getProperty(SERVERS_PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + SERVERS_PROPERTY + "=host:port,... is not set; run BenchmarkMain");
        }
        return new BenchContext(Arrays.stream(value.split(",")).map(HostAndPort::from).toList());
    }

    /** The first server's client: the one all single-master operations use. */
    public UnifiedJedis redis() {
        return clients.get(0);
    }

    /** The first {@code n} servers' clients, as independent masters. */
    public List<UnifiedJedis> masters(int n) {
        if (n > clients.size()) {
            throw new IllegalArgumentException("need " + n + " masters, have " + clients.size());
        }
        return new ArrayList<>(clients.subList(0, n));
    }

    /**
     * New clients of the first {@code n} servers, closed with this context: the connections of another
     * process, e.g. to contend for a lock as a separate JVM would.
     */
    public List<UnifiedJedis> newMasters(int n) {
        if (n > servers.size()) {
            throw new IllegalArgumentException("need " + n + " masters, have " + servers.size());
        }
        List<UnifiedJedis> fresh = new ArrayList<>();
        for (HostAndPort server : servers.subList(0, n)) {
            RedisClient client = RedisClient.builder().hostAndPort(server).poolConfig(poolOf(16)).build();
            clients.add(client);
            fresh.add(client);
        }
        return fresh;
    }

    /** The first server's URL, e.g. for a JCache manager. */
    public java.net.URI url() {
        return java.net.URI.create("redis://" + servers.get(0).getHost() + ":" + servers.get(0).getPort());
    }

    @Override
    public void close() {
        clients.forEach(RedisClient::close);
    }
}
