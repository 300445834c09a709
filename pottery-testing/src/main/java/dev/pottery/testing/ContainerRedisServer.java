package dev.pottery.testing;

import java.util.List;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.containers.GenericContainer;

/**
 * A Redis server in a Docker container, published on a free loopback port that stays the same across
 * restarts (so that clients can reconnect), for machines without a local {@code redis-server}.
 */
final class ContainerRedisServer implements RedisServer {

    static final String IMAGE = "redis:7";
    private static final int PORT_INSIDE_CONTAINER = 6379;

    private final ServerOptions options;
    private final int port;
    private GenericContainer<?> container;
    private boolean paused;

    private ContainerRedisServer(ServerOptions options, int port) {
        this.options = options;
        this.port = port;
    }

    static ContainerRedisServer start(ServerOptions options) {
        if (options.tls()) {
            throw new RedisServerUnavailableException("TLS test servers need a local redis-server binary (set "
                    + ServerSources.BINARY_VARIABLE + " or put redis-server on the PATH), not Docker");
        }
        ContainerRedisServer server = new ContainerRedisServer(options, LoopbackPorts.freePort());
        server.launch();
        return server;
    }

    @SuppressWarnings("resource")
    private synchronized void launch() {
        List<String> command = new java.util.ArrayList<>(List.of("redis-server"));
        // Inside the container the server must listen on all of the container's interfaces;
        // the published port is bound to the host's loopback only.
        command.addAll(options.serverArgs().stream().map(a -> a.equals("127.0.0.1") ? "0.0.0.0" : a).toList());
        container = new GenericContainer<>(IMAGE)
                .withExposedPorts(PORT_INSIDE_CONTAINER)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(new PortBinding(
                        Ports.Binding.bindIpAndPort("127.0.0.1", port), ExposedPort.tcp(PORT_INSIDE_CONTAINER))))
                .withCommand(command.toArray(String[]::new));
        container.start();
        paused = false;
        Ping.awaitAnswer(host(), port, null, java.time.Duration.ofSeconds(30), () -> container.getLogs());
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
        return "Docker image " + IMAGE;
    }

    @Override
    public synchronized boolean isRunning() {
        return container != null && container.isRunning() && !paused;
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            resumeIfPaused();
            container.getDockerClient().stopContainerCmd(container.getContainerId()).exec();
        }
    }

    @Override
    public synchronized void kill() {
        if (container != null) {
            resumeIfPaused();
            container.getDockerClient().killContainerCmd(container.getContainerId()).exec();
        }
    }

    @Override
    public synchronized void pause() {
        container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
        paused = true;
    }

    @Override
    public synchronized void resume() {
        container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
        paused = false;
    }

    private void resumeIfPaused() {
        if (paused) {
            resume();
        }
    }

    @Override
    public synchronized void restart() {
        if (options.persistent()) {
            // Same container, same volume: the append-only file survives.
            stop();
            container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
            Ping.awaitAnswer(host(), port, null, java.time.Duration.ofSeconds(30), () -> container.getLogs());
        } else {
            close();
            launch();
        }
    }

    @Override
    public synchronized void close() {
        if (container != null) {
            resumeIfPaused();
            container.stop();
        }
    }

    @Override
    public String toString() {
        return "redis-server[" + host() + ":" + port + ", " + origin() + "]";
    }
}
