package dev.pottery.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Servers started from a {@code redis-server} executable on this machine. */
final class BinaryServerSource implements ServerSource {

    private final Path binary;
    private final String description;

    BinaryServerSource(Path binary, String kind) {
        this.binary = binary;
        this.description = kind + " " + version(binary) + " at " + binary;
    }

    /** Asks the binary for its version; also proves that it runs on this machine. */
    static String version(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new RedisServerUnavailableException(binary + " --version did not finish");
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new RedisServerUnavailableException(binary + " --version failed: " + out);
            }
            int v = out.indexOf("v=");
            return v < 0 ? out : out.substring(v + 2, out.indexOf(' ', v) < 0 ? out.length() : out.indexOf(' ', v));
        } catch (IOException e) {
            throw new RedisServerUnavailableException("cannot run " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisServerUnavailableException("interrupted while probing " + binary, e);
        }
    }

    Path binary() {
        return binary;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public RedisServer start(ServerOptions options) {
        return ProcessRedisServer.start(binary, description, options);
    }
}
