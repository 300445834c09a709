package dev.pottery.testing;

import java.net.URI;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.SafeEncoder;

/**
 * One running Redis server on a loopback port, with the controls that fault tests need.
 *
 * <pre>{@code
 * try (RedisServerGroup servers = RedisServerGroup.start(1)) {
 *     RedisServer server = servers.get(0);
 *     try (RedisClient redis = server.newClient()) {
 *         redis.set("k", "v");
 *     }
 *     server.pause();   // SIGSTOP: the server stops answering but keeps its data
 *     server.resume();  // SIGCONT
 * }
 * }</pre>
 */
public interface RedisServer extends RedisDeployment, AutoCloseable {

    /** The loopback address the server listens on: always {@code 127.0.0.1}. */
    default String host() {
        return "127.0.0.1";
    }

    /** The server's port: a free port chosen at start, kept across restarts, never 6379. */
    int port();

    /** The options the server was started with. */
    default ServerOptions options() {
        return ServerOptions.DEFAULT;
    }

    /** The server's URL, {@code redis://127.0.0.1:<port>} ({@code rediss://} for a TLS server), without credentials. */
    default URI uri() {
        return URI.create((options().tls() ? "rediss://" : "redis://") + host() + ":" + port());
    }

    /**
     * The server's URL with a user name (may be null: the default user) and password, percent-encoded, e.g.
     * {@code redis://app:secret@127.0.0.1:<port>}.
     */
    default URI uri(String user, String password) {
        try {
            return new URI(options().tls() ? "rediss" : "redis", (user == null ? "" : user) + ":" + password,
                    host(), port(), null, null, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * How a client reaches this server as the given user (null: the default user) with the given password
     * (null: none): with TLS, trusting the test certificate, when the server speaks TLS.
     */
    default JedisClientConfig clientConfig(String user, String password) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().user(user).password(password);
        if (options().tls()) {
            config.ssl(true).sslSocketFactory(TlsMaterial.get().socketFactory());
        }
        return config.build();
    }

    /** How a client reaches this server with full rights: the default user, with its password if it has one. */
    default JedisClientConfig clientConfig() {
        return clientConfig(null, options().password());
    }

    /** A new client connected to this server with full rights; the caller closes it. */
    @Override
    default RedisClient newClient() {
        return newClient(clientConfig());
    }

    /** A new client connected to this server with the given configuration; the caller closes it. */
    default RedisClient newClient(JedisClientConfig config) {
        return RedisClient.builder().hostAndPort(host(), port()).clientConfig(config).build();
    }

    /** Where this server came from (local binary, Docker, embedded binary), for logs. */
    String origin();

    /** Whether the server process is running and not paused. */
    boolean isRunning();

    /** Whether the server answers PING right now. */
    default boolean answersPing() {
        return Ping.answers(host(), port(), options().tls() ? TlsMaterial.get().socketFactory() : null);
    }

    /** Stops the server gracefully (SIGTERM); a persistent server keeps its data for {@link #restart()}. */
    void stop();

    /** Kills the server at once (SIGKILL), as a crash would. */
    void kill();

    /** Freezes the server with SIGSTOP: connections stay open but nothing answers. */
    void pause();

    /** Thaws a paused server with SIGCONT. */
    void resume();

    /**
     * Closes, from the server's side, the connections of the clients named {@code clientName} (CLIENT
     * LIST, then CLIENT KILL ID for each), as the server's idle {@code timeout} or a restart would:
     * their next command fails with a broken connection.
     *
     * @return how many connections were closed
     */
    default int closeConnectionsOf(String clientName) {
        try (RedisClient admin = newClient()) {
            String clients = SafeEncoder.encode((byte[]) admin.sendCommand(Protocol.Command.CLIENT, "LIST"));
            int closed = 0;
            for (String line : clients.split("\n")) {
                if (line.contains(" name=" + clientName + " ")) {
                    String id = line.substring(line.indexOf("id=") + 3, line.indexOf(' '));
                    admin.sendCommand(Protocol.Command.CLIENT, "KILL", "ID", id);
                    closed++;
                }
            }
            return closed;
        }
    }

    /**
     * Starts the server again on the same port and directory, stopping it first if it runs.
     * Data survives only when the server was started with {@link ServerOptions#persistent()}.
     */
    void restart();

    /** Stops the server and deletes its directory. */
    @Override
    void close();
}
