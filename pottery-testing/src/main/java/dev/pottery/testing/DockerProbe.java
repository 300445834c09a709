package dev.pottery.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds out quietly whether a Docker engine may answer, before Testcontainers is asked: Testcontainers logs
 * an ERROR with a stack trace when it finds none, which a newcomer's first run without Docker must not
 * show. So Testcontainers is only asked when the user configured an engine ({@code DOCKER_HOST}, or
 * {@code docker.host} in {@code ~/.testcontainers.properties}), or when one of the usual engine sockets
 * exists and answers {@code GET /_ping} with {@code OK}; and while it is asked, its probing logger is off
 * (slf4j-simple, unless the user set that logger's level).
 *
 * <pre>{@code
 * boolean docker = DockerProbe.standard().mayAnswer();   // no output either way
 * }</pre>
 */
final class DockerProbe {

    /** The slf4j-simple level property of Testcontainers' probing classes. */
    static final String PROBE_LOGGER = "org.slf4j.simpleLogger.log.org.testcontainers";

    private final Map<String, String> environment;
    private final Path home;
    private final List<Path> sockets;

    DockerProbe(Map<String, String> environment, Path home, List<Path> sockets) {
        this.environment = environment;
        this.home = home;
        this.sockets = List.copyOf(sockets);
    }

    /** The probe of this machine: its environment, home directory and the usual socket paths. */
    static DockerProbe standard() {
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"), home.resolve(".rd/docker.sock")));
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null) {
            sockets.add(Path.of(runtime, "docker.sock"));
            sockets.add(Path.of(runtime, "podman", "podman.sock"));
        }
        return new DockerProbe(System.getenv(), home, sockets);
    }

    /** Whether a Docker engine may answer: configured by the user, or a socket that answers a ping. */
    boolean mayAnswer() {
        if (configured()) {
            return true;
        }
        for (Path socket : sockets) {
            if (Files.exists(socket) && pings(socket)) {
                return true;
            }
        }
        return false;
    }

    private boolean configured() {
        String host = environment.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return true;
        }
        Path properties = home.resolve(".testcontainers.properties");
        try {
            return Files.isReadable(properties) && Files.readString(properties).lines()
                    .anyMatch(line -> line.trim().startsWith("docker.host"));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code GET /_ping} over a Unix socket: Docker's (and Podman's) health check answers {@code OK}. */
    static boolean pings(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer reply = ByteBuffer.allocate(512);
            long deadline = System.nanoTime() + 2_000_000_000L;
            channel.configureBlocking(false);
            while (reply.hasRemaining() && System.nanoTime() < deadline) {
                int read = channel.read(reply);
                if (read < 0) {
                    break;
                }
                if (read == 0) {
                    Thread.sleep(10);
                }
            }
            String text = new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII);
            return text.startsWith("HTTP/1.") && text.contains(" 200 ");
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code probe} with Testcontainers' loggers off, unless the user chose their level. */
    static <T> T quietly(java.util.function.Supplier<T> probe) {
        boolean set = System.getProperty(PROBE_LOGGER) == null;
        if (set) {
            System.setProperty(PROBE_LOGGER, "off");
        }
        try {
            return probe.get();
        } finally {
            if (set) {
                System.clearProperty(PROBE_LOGGER);
            }
        }
    }
}
