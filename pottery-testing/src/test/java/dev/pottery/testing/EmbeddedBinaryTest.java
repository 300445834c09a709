package dev.pottery.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The last fallback works on this machine: the binary inside embedded-redis runs as a normal process. */
class EmbeddedBinaryTest {

    @Test
    void embeddedBinaryStartsAServerThatCanBePausedAndRestarted() {
        Optional<Path> binary = EmbeddedBinary.extract();
        assumeTrue(binary.isPresent() && EmbeddedBinary.resourceName().orElse("").contains("linux-amd64")
                && System.getProperty("os.arch").equals("amd64"), "embedded binary for this platform");
        BinaryServerSource source = new BinaryServerSource(binary.get(), "embedded-redis binary");
        assertThat(source.describe()).startsWith("embedded-redis binary 6.2");
        try (RedisServer server = source.start(ServerOptions.DEFAULT)) {
            try (RedisClient client = server.newClient()) {
                client.set("k", "v");
                assertThat(client.get("k")).isEqualTo("v");
            }
            server.pause();
            assertThat(server.answersPing()).isFalse();
            server.resume();
            server.restart();
            assertThat(server.answersPing()).isTrue();
        }
    }
}
