package dev.pottery.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code redis-server} executable packaged inside {@code com.github.codemonstur:embedded-redis}
 * (Redis 6.2), copied to a temporary file so that it runs as an ordinary child process and can be
 * paused and restarted like any other.
 */
final class EmbeddedBinary {

    private EmbeddedBinary() {
    }

    /** The resource name of the binary for this operating system and CPU, if the jar has one. */
    static Optional<String> resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("linux")) {
            return Optional.of(arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64");
        }
        if (os.contains("mac")) {
            return Optional.of(arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64");
        }
        return Optional.empty();
    }

    /** Extracts the binary, or returns empty when the jar or a binary for this platform is missing. */
    static Optional<Path> extract() {
        Optional<String> name = resourceName();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = EmbeddedBinary.class.getClassLoader().getResourceAsStream(name.get())) {
            if (in == null) {
                return Optional.empty();
            }
            Path file = Files.createTempFile("pottery-embedded-", "-redis-server");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().setExecutable(true);
            file.toFile().deleteOnExit();
            return Optional.of(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
