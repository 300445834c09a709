package dev.pottery.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;

/** A PING over a raw socket, independent of any client library's pools and retries. */
final class Ping {

    private static final int TIMEOUT_MILLIS = 500;

    private Ping() {
    }

    static boolean answers(String host, int port) {
        return answers(host, port, null);
    }

    /**
     * Whether a server answers: PONG, or NOAUTH when it wants a password (it is up all the same); over TLS
     * when {@code tls} is given.
     */
    static boolean answers(String host, int port, SSLSocketFactory tls) {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            plain.setSoTimeout(TIMEOUT_MILLIS);
            Socket socket = tls == null ? plain : tls.createSocket(plain, host, port, true);
            try {
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                InputStream in = socket.getInputStream();
                String reply = new String(in.readNBytes(7), StandardCharsets.US_ASCII);
                return reply.equals("+PONG\r\n") || reply.startsWith("-NOAUTH");
            } finally {
                if (socket != plain) {
                    socket.close();
                }
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the server answers, or throws naming the server and what its log says. */
    static void awaitAnswer(String host, int port, SSLSocketFactory tls, Duration timeout,
                            java.util.function.Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (answers(host, port, tls)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RedisServerUnavailableException("interrupted while waiting for Redis on " + host + ":" + port);
            }
        }
        throw new RedisServerUnavailableException(
                "Redis on " + host + ":" + port + " did not answer PING within " + timeout + ": " + diagnostics.get());
    }
}
