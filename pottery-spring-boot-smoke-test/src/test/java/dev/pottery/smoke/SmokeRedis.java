package dev.pottery.smoke;

import dev.pottery.testing.ClientFreeRedisServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The redis-server of the smoke tests: one per test JVM, started on first use, stopped when the JVM exits,
 * and handed to each application context as {@code spring.data.redis.url}.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void redis(DynamicPropertyRegistry registry) {
 *     SmokeRedis.register(registry);
 * }
 * }</pre>
 */
final class SmokeRedis {

    private static final ClientFreeRedisServer SERVER = start();

    private SmokeRedis() {
    }

    /** Points the application at the server. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> SERVER.uri().toString());
    }

    /** The server's port. */
    static int port() {
        return SERVER.port();
    }

    private static ClientFreeRedisServer start() {
        ClientFreeRedisServer server = ClientFreeRedisServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "smoke-redis-stop"));
        return server;
    }
}
