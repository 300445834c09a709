package dev.pottery.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a Docker engine the probe says no, quickly and without a line of output. */
class DockerProbeTest {

    @TempDir
    Path home;

    @Test
    void noEngineMeansNoAnswerAndNoOutput() throws Exception {
        Path regularFile = Files.writeString(home.resolve("docker.sock"), "not a socket");
        DockerProbe probe = new DockerProbe(Map.of(), home, List.of(home.resolve("missing.sock"), regularFile));

        String output = captured(() -> DockerServerSource.dockerAnswers(probe) ? "yes" : "no");

        assertThat(output).isEqualTo("no");
    }

    @Test
    void thisMachinesProbeLogsNoErrorAndNoStackTrace() {
        String output = captured(() -> String.valueOf(DockerServerSource.dockerAnswers()));

        assertThat(output).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aConfiguredEngineThatDoesNotAnswerIsAskedQuietly() {
        // DOCKER_HOST names an engine, so Testcontainers is asked; with none there it must not print.
        DockerProbe probe = new DockerProbe(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), home, List.of());
        assertThat(probe.mayAnswer()).isTrue();

        String output = captured(() -> String.valueOf(DockerProbe.quietly(() -> {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) {
                return false;
            }
        })));

        assertThat(output).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void aSocketCountsOnlyWhenItAnswersDockersPing() throws Exception {
        assertThat(DockerProbe.pings(serve("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"))).isTrue();
        assertThat(DockerProbe.pings(serve("HTTP/1.1 404 Not Found\r\n\r\n"))).isFalse();
        assertThat(DockerProbe.pings(serve("+PONG\r\n"))).isFalse();
        Path answering = serve("HTTP/1.0 200 OK\r\n\r\nOK");
        assertThat(new DockerProbe(Map.of(), home, List.of(answering)).mayAnswer()).isTrue();
    }

    /** A Unix socket in the temp directory that answers one connection with {@code reply}. */
    private Path serve(String reply) throws Exception {
        Path socket = Files.createTempFile(home, "engine", ".sock");
        Files.delete(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread thread = new Thread(() -> {
            try (server; SocketChannel client = server.accept()) {
                client.read(ByteBuffer.allocate(256));
                client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.US_ASCII)));
            } catch (Exception e) {
                // the test sees the failure as "no answer"
            }
        });
        thread.setDaemon(true);
        thread.start();
        return socket;
    }

    /** What {@code action} returns, followed by whatever it printed to stdout or stderr. */
    private static String captured(Supplier<String> action) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        String result;
        try {
            result = action.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return result + printed.toString(StandardCharsets.UTF_8);
    }
}
