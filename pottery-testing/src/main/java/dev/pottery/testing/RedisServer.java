package dev.pottery.testing;

import java.net.URI;
import redis.clients.jedis.RedisClient;

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

    /** The server's URL, {@code redis://127.0.0.1:<port>}. */
    default URI uri() {
        return URI.create("redis://" + host() + ":" + port());
    }

    /** A new client connected to this server; the caller closes it. */
    @Override
    default RedisClient newClient() {
        return RedisClient.create(host(), port());
    }

    /** Where this server came from (local binary, Docker, embedded binary), for logs. */
    String origin();

    /** Whether the server process is running and not paused. */
    boolean isRunning();

    /** Whether the server answers PING right now. */
    default boolean answersPing() {
        return Ping.answers(host(), port());
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
     * Starts the server again on the same port and directory, stopping it first if it runs.
     * Data survives only when the server was started with {@link ServerOptions#persistent()}.
     */
    void restart();

    /** Stops the server and deletes its directory. */
    @Override
    void close();
}
