package dev.pottery.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One local {@code redis-server} on a free loopback port, started, checked (a PING over a raw socket) and
 * stopped without loading any Redis client class. For a test whose class path must not be decided by this
 * module: the Spring Boot starter's test, where Spring Boot's BOM puts an older Jedis on the class path, on
 * which {@link RedisServerGroup} (Jedis 8) cannot run. Everything else uses {@link RedisServerGroup}.
 *
 * <pre>{@code
 * try (ClientFreeRedisServer server = ClientFreeRedisServer.start()) {
 *     String url = server.uri().toString();       // redis://127.0.0.1:<port>
 * }
 * }</pre>
 *
 * <p>Only a local binary is used ({@code POTTERY_REDIS_SERVER}, else {@code redis-server} on the PATH), with
 * the same server arguments as {@link RedisServerGroup}'s servers (no persistence, loopback only).
 */
public final class ClientFreeRedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path directory;
    private final Process process;
    private final int port;

    private ClientFreeRedisServer(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a server on a free port (another port if one is taken meanwhile).
     *
     * @throws RedisServerUnavailableException if there is no local binary or the server does not answer
     */
    public static ClientFreeRedisServer start() {
        Path binary = ServerSources.localBinary().orElseThrow(() -> new RedisServerUnavailableException(
                "no redis-server binary: set " + ServerSources.BINARY_VARIABLE + " or put redis-server on the PATH"));
        Path directory;
        try {
            directory = Files.createTempDirectory("pottery-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for redis-server", e);
        }
        RedisServerUnavailableException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = LoopbackPorts.freePort();
            Process process = launch(binary, directory, port);
            try {
                Ping.awaitAnswer("127.0.0.1", port, null, START_TIMEOUT, () -> "exited=" + !process.isAlive());
                return new ClientFreeRedisServer(directory, process, port);
            } catch (RedisServerUnavailableException e) {
                last = e;
                stop(process);
            }
        }
        delete(directory);
        throw last;
    }

    /** The server's port. */
    public int port() {
        return port;
    }

    /** The server's URL, {@code redis://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        stop(process);
        delete(directory);
    }

    private static Process launch(Path binary, Path directory, int port) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port),
                "--dir", directory.toString()));
        command.addAll(ServerOptions.DEFAULT.serverArgs());
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new RedisServerUnavailableException("cannot run " + binary + ": " + e.getMessage(), e);
        }
    }

    private static void stop(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
