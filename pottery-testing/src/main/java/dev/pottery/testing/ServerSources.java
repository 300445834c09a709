package dev.pottery.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses where servers come from, once per JVM, and logs the choice.
 *
 * <p>In order: the binary named by {@code POTTERY_REDIS_SERVER} (environment variable or system
 * property), else {@code redis-server} on the PATH; else Docker through Testcontainers when a Docker
 * engine answers; else the binary inside {@code embedded-redis}. When none works, one exception says
 * how to get a server.
 */
public final class ServerSources {

    /** Environment variable or system property naming a {@code redis-server} binary to use. */
    public static final String BINARY_VARIABLE = "POTTERY_REDIS_SERVER";

    private static final System.Logger LOG = System.getLogger(ServerSources.class.getName());
    private static volatile ServerSource chosen;

    private ServerSources() {
    }

    /** The source every server of this JVM comes from. */
    static ServerSource chosen() {
        ServerSource source = chosen;
        if (source == null) {
            synchronized (ServerSources.class) {
                if (chosen == null) {
                    chosen = choose();
                    LOG.log(System.Logger.Level.INFO, "Pottery test servers: " + chosen.describe());
                }
                source = chosen;
            }
        }
        return source;
    }

    /** A description of where this JVM's servers come from, e.g. for the quickstart to print. */
    public static String describe() {
        return chosen().describe();
    }

    /** The {@code redis-server} executable on this machine, if any: needed for a cluster. */
    static Optional<Path> localBinary() {
        return named().or(ServerSources::onPath);
    }

    private static ServerSource choose() {
        List<String> tried = new ArrayList<>();
        Optional<Path> named = named();
        if (named.isPresent()) {
            // An explicit choice that does not work is an error, not a reason to fall back.
            return new BinaryServerSource(named.get(), BINARY_VARIABLE + "=");
        }
        Optional<Path> onPath = onPath();
        if (onPath.isPresent()) {
            try {
                return new BinaryServerSource(onPath.get(), "redis-server on the PATH,");
            } catch (RedisServerUnavailableException e) {
                tried.add(e.getMessage());
            }
        } else {
            tried.add("no redis-server on the PATH");
        }
        if (DockerServerSource.dockerAnswers()) {
            return new DockerServerSource();
        }
        tried.add("no Docker engine answers");
        Optional<Path> embedded = EmbeddedBinary.extract();
        if (embedded.isPresent()) {
            try {
                return new BinaryServerSource(embedded.get(), "embedded-redis binary");
            } catch (RedisServerUnavailableException e) {
                tried.add(e.getMessage());
            }
        } else {
            tried.add("no embedded-redis binary for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
        }
        throw new RedisServerUnavailableException("No Redis server can be started (" + String.join("; ", tried)
                + "). Install one (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis),"
                + " or set " + BINARY_VARIABLE + " to a redis-server binary, or start a Docker engine.");
    }

    private static Optional<Path> named() {
        String value = System.getProperty(BINARY_VARIABLE, System.getenv(BINARY_VARIABLE));
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        if (!Files.isExecutable(path)) {
            throw new RedisServerUnavailableException(BINARY_VARIABLE + "=" + value + " is not an executable file");
        }
        return Optional.of(path);
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
