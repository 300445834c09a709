package dev.pottery.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A {@code redis-server} child process of this JVM, in a temporary directory of its own. */
final class ProcessRedisServer implements RedisServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path binary;
    private final String origin;
    private final ServerOptions options;
    private final Path directory;
    private final String sentinelConfig;
    private int port;
    private Process process;
    private boolean paused;

    private ProcessRedisServer(Path binary, String origin, ServerOptions options, String sentinelConfig) {
        this.binary = binary;
        this.origin = origin;
        this.options = options;
        this.sentinelConfig = sentinelConfig;
        try {
            this.directory = Files.createTempDirectory("pottery-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for redis-server", e);
        }
    }

    /** Starts a server on a free port, retrying with another port if one is taken meanwhile. */
    static ProcessRedisServer start(Path binary, String origin, ServerOptions options) {
        return start(new ProcessRedisServer(binary, origin, options, null));
    }

    /** Starts a Redis Sentinel with the given configuration lines (it rewrites its file as it learns). */
    static ProcessRedisServer startSentinel(Path binary, String origin, String config) {
        return start(new ProcessRedisServer(binary, origin + " (sentinel)", ServerOptions.DEFAULT, config));
    }

    private static ProcessRedisServer start(ProcessRedisServer server) {
        RedisServerUnavailableException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            server.port = LoopbackPorts.freePort();
            try {
                server.launch();
                return server;
            } catch (RedisServerUnavailableException e) {
                last = e;
                server.destroyProcess(true);
            }
        }
        server.close();
        throw last;
    }

    private synchronized void launch() {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        if (sentinelConfig != null) {
            command.addAll(sentinelArgs());
        } else {
            command.addAll(List.of("--port", Integer.toString(port), "--dir", directory.toString()));
            command.addAll(options.serverArgs());
            if (options.tls()) {
                command.addAll(ServerOptions.tlsArgs(port));   // later arguments win: the port speaks TLS only
            }
        }
        Path log = directory.resolve("redis.log");
        long logStart = logLength(log);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new RedisServerUnavailableException("cannot run " + binary + ": " + e.getMessage(), e);
        }
        paused = false;
        Ping.awaitAnswer(host(), port, socketFactory(), START_TIMEOUT,
                () -> "exited=" + !process.isAlive() + ", log: " + tail(log));
        if (sentinelConfig == null) {
            awaitOwnListener(log, logStart);
        }
    }

    /**
     * A PING answered on the port proves nothing when another process (another test run on this machine)
     * took the port first and ours failed to bind: wait until our own server logs that it listens, and
     * fail (so that the caller retries on another port) if it exits instead. Only what this start appended
     * to the log counts (a restart appends to the same file).
     */
    private void awaitOwnListener(Path log, long logStart) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text;
            try {
                text = Files.exists(log) ? Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
                text = text.substring((int) Math.min(logStart, text.length()));
            } catch (IOException e) {
                text = "";
            }
            if (text.contains("Ready to accept connections")) {
                return;
            }
            if (!process.isAlive()) {
                throw new RedisServerUnavailableException("redis-server on port " + port + " exited: " + tail(log));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RedisServerUnavailableException("interrupted while starting redis-server on port " + port);
            }
        }
        throw new RedisServerUnavailableException("redis-server on port " + port + " did not log that it is ready: "
                + tail(log));
    }

    private javax.net.ssl.SSLSocketFactory socketFactory() {
        return options.tls() ? TlsMaterial.get().socketFactory() : null;
    }

    private static long logLength(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private List<String> sentinelArgs() {
        Path file = directory.resolve("sentinel.conf");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, sentinelConfig);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        // The configuration file must come first; Sentinel keeps it up to date across restarts.
        return List.of(file.toString(), "--sentinel", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", directory.toString(), "--protected-mode", "no");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public ServerOptions options() {
        return options;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive() && !paused;
    }

    @Override
    public synchronized void stop() {
        destroyProcess(false);
    }

    @Override
    public synchronized void kill() {
        destroyProcess(true);
    }

    private void destroyProcess(boolean forcibly) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (paused) {
            // A stopped process cannot act on SIGTERM until it is continued.
            signal("CONT");
            paused = false;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void pause() {
        requireAlive("pause");
        signal("STOP");
        paused = true;
    }

    @Override
    public synchronized void resume() {
        requireAlive("resume");
        signal("CONT");
        paused = false;
    }

    @Override
    public synchronized void restart() {
        destroyProcess(false);
        launch();
    }

    @Override
    public synchronized void close() {
        destroyProcess(true);
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private void requireAlive(String action) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("cannot " + action + " redis-server on port " + port + ": it is not running");
        }
    }

    /** Java has no API for SIGSTOP/SIGCONT, so the {@code kill} command sends them. */
    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + name + " to redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + name, e);
        }
    }

    @Override
    public String toString() {
        return "redis-server[" + host() + ":" + port + ", " + origin + "]";
    }
}
