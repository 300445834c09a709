package dev.pottery.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * A real local Sentinel setup: one master, one replica and three sentinels watching them (quorum 2,
 * master declared down after 1 s), for failover tests.
 *
 * <pre>{@code
 * try (RedisSentinelGroup sentinel = RedisSentinelGroup.start()) {
 *     UnifiedJedis redis = sentinel.client();      // follows the master through failovers
 *     sentinel.master().kill();                     // the replica is promoted within seconds
 *     sentinel.awaitFailover(Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>Needs a local {@code redis-server} binary, as {@link RedisClusterGroup} does.
 */
public final class RedisSentinelGroup implements RedisDeployment, AutoCloseable {

    /** The name the sentinels know the master by. */
    public static final String MASTER_NAME = "mymaster";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final ProcessRedisServer master;
    private final ProcessRedisServer replica;
    private final List<ProcessRedisServer> sentinels;
    private RedisSentinelClient client;

    private RedisSentinelGroup(ProcessRedisServer master, ProcessRedisServer replica, List<ProcessRedisServer> sentinels) {
        this.master = master;
        this.replica = replica;
        this.sentinels = sentinels;
    }

    /** Starts the master, its replica and three sentinels, and waits until the sentinels know them all. */
    public static RedisSentinelGroup start() {
        if (!(ServerSources.chosen() instanceof BinaryServerSource source)) {
            throw new RedisServerUnavailableException("a local Sentinel setup needs a redis-server binary (PATH or "
                    + ServerSources.BINARY_VARIABLE + "); servers here come from " + ServerSources.describe());
        }
        Path binary = source.binary();
        List<ProcessRedisServer> started = new ArrayList<>();
        try {
            ProcessRedisServer master = ProcessRedisServer.start(binary, source.describe(), ServerOptions.DEFAULT);
            started.add(master);
            ProcessRedisServer replica = ProcessRedisServer.start(binary, source.describe(),
                    ServerOptions.DEFAULT.withArgs("--replicaof", master.host(), Integer.toString(master.port())));
            started.add(replica);
            String config = "sentinel monitor " + MASTER_NAME + " " + master.host() + " " + master.port() + " 2\n"
                    + "sentinel down-after-milliseconds " + MASTER_NAME + " 1000\n"
                    + "sentinel failover-timeout " + MASTER_NAME + " 5000\n"
                    + "sentinel parallel-syncs " + MASTER_NAME + " 1\n";
            List<ProcessRedisServer> sentinels = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ProcessRedisServer sentinel = ProcessRedisServer.startSentinel(binary, source.describe(), config);
                started.add(sentinel);
                sentinels.add(sentinel);
            }
            RedisSentinelGroup group = new RedisSentinelGroup(master, replica, sentinels);
            group.awaitTopology();
            return group;
        } catch (RuntimeException e) {
            started.forEach(ProcessRedisServer::close);
            throw e;
        }
    }

    private void awaitTopology() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            boolean ready = true;
            for (ProcessRedisServer sentinel : sentinels) {
                try (RedisClient direct = sentinel.newClient()) {
                    Object reply = direct.sendCommand(Protocol.Command.SENTINEL, "MASTER", MASTER_NAME);
                    last = String.valueOf(flatten(reply));
                    ready &= last.contains("num-slaves=1") && last.contains("num-other-sentinels=2");
                } catch (RuntimeException e) {
                    ready = false;
                    last = e.toString();
                }
            }
            try (RedisClient direct = replica.newClient()) {
                ready &= direct.info("replication").contains("master_link_status:up");
            }
            if (ready) {
                return;
            }
            sleep(100);
        }
        throw new RedisServerUnavailableException("Sentinel setup not ready within " + READY_TIMEOUT + ": " + last);
    }

    private static String flatten(Object reply) {
        if (!(reply instanceof List<?> list)) {
            return String.valueOf(reply);
        }
        StringBuilder out = new StringBuilder();
        if (!list.isEmpty() && list.get(0) instanceof java.util.Map.Entry<?, ?>) {
            // RESP3 replies arrive as key-value pairs.
            for (Object item : list) {
                java.util.Map.Entry<?, ?> entry = (java.util.Map.Entry<?, ?>) item;
                out.append(text(entry.getKey())).append('=').append(text(entry.getValue())).append(' ');
            }
            return out.toString();
        }
        for (int i = 0; i + 1 < list.size(); i += 2) {
            out.append(text(list.get(i))).append('=').append(text(list.get(i + 1))).append(' ');
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(value);
    }

    /** The server that was master at start. */
    public RedisServer master() {
        return master;
    }

    /** The server that was replica at start. */
    public RedisServer replica() {
        return replica;
    }

    /** The three sentinels. */
    public List<RedisServer> sentinels() {
        return List.copyOf(sentinels);
    }

    /** The sentinels' addresses, for building sentinel-backed clients. */
    public Set<HostAndPort> sentinelAddresses() {
        Set<HostAndPort> addresses = new LinkedHashSet<>();
        sentinels.forEach(s -> addresses.add(new HostAndPort(s.host(), s.port())));
        return addresses;
    }

    /** A new client that finds the current master through the sentinels; the caller closes it. */
    @Override
    public RedisSentinelClient newClient() {
        return RedisSentinelClient.builder().masterName(MASTER_NAME).sentinels(sentinelAddresses()).build();
    }

    /** A shared sentinel-backed client, closed with the group. */
    public synchronized UnifiedJedis client() {
        if (client == null) {
            client = newClient();
        }
        return client;
    }

    /** The address the sentinels currently report as master. */
    public HostAndPort currentMaster() {
        try (RedisClient direct = sentinels.get(0).newClient()) {
            Object reply = direct.sendCommand(Protocol.Command.SENTINEL, "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
            List<?> parts = (List<?>) reply;
            return new HostAndPort(text(parts.get(0)), Integer.parseInt(text(parts.get(1))));
        }
    }

    /** Waits until the sentinels have promoted the replica, or throws. */
    public void awaitFailover(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (currentMaster().getPort() == replica.port()) {
                    return;
                }
            } catch (RuntimeException sentinelBusy) {
                // a sentinel may be briefly unavailable during the election
            }
            sleep(100);
        }
        throw new IllegalStateException("no failover to " + replica + " within " + timeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        sentinels.forEach(ProcessRedisServer::close);
        replica.close();
        master.close();
    }
}
