package dev.pottery.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A PING over a raw socket, independent of any client library's pools and retries. */
final class Ping {

    private static final int TIMEOUT_MILLIS = 500;

    private Ping() {
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the server answers, or throws naming the server and what its log says. */
    static void awaitAnswer(String host, int port, Duration timeout, java.util.function.Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (answers(host, port)) {
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
