/**
 * Real {@code redis-server} processes for tests, benchmarks and the quickstart.
 *
 * <p>Servers listen on free loopback ports (never 6379, never a non-loopback address), each in its
 * own temporary directory. {@link dev.pottery.testing.RedisServerGroup#start(int)} is the plain Java
 * API; {@link dev.pottery.testing.RedisServers} is the JUnit 5 extension. Each
 * {@link dev.pottery.testing.RedisServer} handle can stop, kill, pause, resume and restart its
 * process so that fault tests can take a master away and bring it back.
 *
 * <p>Beyond single servers: {@link dev.pottery.testing.RedisClusterGroup} (a local Redis Cluster) and
 * {@link dev.pottery.testing.RedisSentinelGroup} (master, replica, three sentinels).
 * {@link dev.pottery.testing.OnRedisCluster} on a subclass runs an existing {@code @RedisServers} test
 * class on a shared cluster; tests that need more clients take a
 * {@link dev.pottery.testing.RedisDeployment}, and {@link dev.pottery.testing.NodeInfo} reads
 * {@code INFO} from every node behind a client.
 *
 * <p>Where the server binary comes from, in order: {@code POTTERY_REDIS_SERVER} or
 * {@code redis-server} on the PATH; Docker through Testcontainers ({@code redis:7}); the binary
 * inside {@code com.github.codemonstur:embedded-redis}. See {@link dev.pottery.testing.ServerSources}.
 */
package dev.pottery.testing;
