package dev.pottery.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface. */
final class LoopbackPorts {

    /** The port a developer's own Redis usually holds: never handed out. */
    private static final int DEVELOPERS_REDIS = 6379;

    private LoopbackPorts() {
    }

    /** A port that was free a moment ago; the caller retries if another process takes it first. */
    static int freePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                int port = socket.getLocalPort();
                // Cluster nodes also use port + 10000 for their bus.
                if (port != DEVELOPERS_REDIS && port + 10000 <= 65535) {
                    return port;
                }
            } catch (IOException e) {
                throw new RedisServerUnavailableException("cannot find a free loopback port", e);
            }
        }
        throw new RedisServerUnavailableException("cannot find a free loopback port after 20 tries");
    }
}
