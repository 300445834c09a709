package dev.pottery.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A real local Redis Cluster: N masters started with {@code --cluster-enabled yes} on free loopback
 * ports, the 16384 slots split evenly between them, joined with CLUSTER MEET, ready when every node
 * reports {@code cluster_state:ok}.
 *
 * <pre>{@code
 * try (RedisClusterGroup cluster = RedisClusterGroup.start(3)) {
 *     UnifiedJedis redis = cluster.client();   // a RedisClusterClient
 *     redis.set("{user:1}:name", "Ada");
 * }
 * }</pre>
 *
 * <p>Needs a local {@code redis-server} binary (PATH, {@code POTTERY_REDIS_SERVER} or the embedded
 * one): cluster nodes announce their own addresses, which a Docker container would not make reachable.
 */
public final class RedisClusterGroup implements RedisDeployment, AutoCloseable {

    /** The number of hash slots in every Redis Cluster. */
    public static final int SLOTS = 16384;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final RedisServerGroup nodes;
    private RedisClusterClient client;

    private RedisClusterGroup(RedisServerGroup nodes) {
        this.nodes = nodes;
    }

    /** Starts a cluster of {@code masters} masters (at least 3, as Redis recommends; 1 also works). */
    public static RedisClusterGroup start(int masters) {
        if (!(ServerSources.chosen() instanceof BinaryServerSource)) {
            throw new RedisServerUnavailableException("a local Redis Cluster needs a redis-server binary (PATH or "
                    + ServerSources.BINARY_VARIABLE + "); servers here come from " + ServerSources.describe());
        }
        ServerOptions options = ServerOptions.DEFAULT.withArgs("--cluster-enabled", "yes",
                "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000");
        RedisServerGroup nodes = RedisServerGroup.start(masters, options);
        RedisClusterGroup cluster = new RedisClusterGroup(nodes);
        try {
            cluster.join();
            return cluster;
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    private void join() {
        int n = nodes.size();
        List<UnifiedJedis> clients = nodes.clients();
        for (int i = 0; i < n; i++) {
            int from = i * SLOTS / n;
            int to = (i + 1) * SLOTS / n;
            List<String> args = new ArrayList<>(List.of("ADDSLOTS"));
            for (int slot = from; slot < to; slot++) {
                args.add(Integer.toString(slot));
            }
            clients.get(i).sendCommand(Protocol.Command.CLUSTER, args.toArray(String[]::new));
        }
        RedisServer first = nodes.get(0);
        for (int i = 1; i < n; i++) {
            clients.get(i).sendCommand(Protocol.Command.CLUSTER, "MEET", first.host(), Integer.toString(first.port()));
        }
        awaitReady(clients, n);
    }

    private static void awaitReady(List<UnifiedJedis> clients, int n) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            boolean ready = true;
            for (UnifiedJedis client : clients) {
                Object reply = client.sendCommand(Protocol.Command.CLUSTER, "INFO");
                last = new String((byte[]) reply, java.nio.charset.StandardCharsets.UTF_8);
                ready &= last.contains("cluster_state:ok") && last.contains("cluster_known_nodes:" + n + "\r");
            }
            if (ready) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new RedisServerUnavailableException("Redis Cluster of " + n + " nodes not ready within "
                + READY_TIMEOUT + "; last CLUSTER INFO: " + last.replace("\r\n", " "));
    }

    /** The cluster's nodes, each a normal {@link RedisServer} handle (stop, pause, restart...). */
    public List<RedisServer> nodes() {
        return nodes.servers();
    }

    /** The nodes' addresses, for building cluster clients. */
    public Set<HostAndPort> addresses() {
        Set<HostAndPort> addresses = new LinkedHashSet<>();
        for (RedisServer node : nodes.servers()) {
            addresses.add(new HostAndPort(node.host(), node.port()));
        }
        return addresses;
    }

    /** A new cluster client; the caller closes it. */
    @Override
    public RedisClusterClient newClient() {
        return RedisClusterClient.create(addresses());
    }

    /** A shared cluster client, closed with the group. */
    public synchronized UnifiedJedis client() {
        if (client == null) {
            client = newClient();
        }
        return client;
    }

    /** Deletes every key on every master. */
    public void flushAll() {
        for (RedisServer node : nodes.servers()) {
            try (RedisClient direct = node.newClient()) {
                direct.flushAll();
            } catch (JedisConnectionException e) {
                throw new RedisServerUnavailableException("cannot flush cluster node " + node, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        nodes.close();
    }

    @Override
    public String toString() {
        return "RedisCluster" + nodes;
    }
}
