package dev.pottery.testing;

/** One place a Redis server can come from: a local binary, Docker, or the embedded binary. */
interface ServerSource {

    /** A short description for logs, e.g. {@code redis-server 7.0.15 at /usr/bin/redis-server}. */
    String describe();

    /** Starts one server with the given options. */
    RedisServer start(ServerOptions options);
}
