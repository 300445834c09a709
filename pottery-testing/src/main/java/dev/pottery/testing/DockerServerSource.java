package dev.pottery.testing;

import org.testcontainers.DockerClientFactory;

/** Servers in Docker containers through Testcontainers, where a Docker engine answers. */
final class DockerServerSource implements ServerSource {

    /**
     * Whether Testcontainers finds a Docker engine; false rather than an exception when it does not, and
     * without a line of output when none is there ({@link DockerProbe}).
     */
    static boolean dockerAnswers() {
        return dockerAnswers(DockerProbe.standard());
    }

    static boolean dockerAnswers(DockerProbe probe) {
        if (!probe.mayAnswer()) {
            return false;
        }
        return DockerProbe.quietly(() -> {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) {
                return false;
            }
        });
    }

    @Override
    public String describe() {
        return "Docker image " + ContainerRedisServer.IMAGE + " through Testcontainers";
    }

    @Override
    public RedisServer start(ServerOptions options) {
        return ContainerRedisServer.start(options);
    }
}
