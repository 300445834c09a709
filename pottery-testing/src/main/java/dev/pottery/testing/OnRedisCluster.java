package dev.pottery.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real local Redis Cluster instead of single servers: the usual way to
 * run an existing {@link RedisServers} test class on a cluster is an empty subclass.
 *
 * <pre>{@code
 * @OnRedisCluster
 * class RedisMapOnClusterTest extends RedisMapTest {
 * }
 * }</pre>
 *
 * <p>The cluster ({@link #masters()} masters, slots split evenly) is started once and shared by every
 * class of the test run that asks for the same size; every node is FLUSHALLed before each test. Test
 * methods, constructors and lifecycle methods may declare a {@link redis.clients.jedis.UnifiedJedis}
 * (the shared {@code RedisClusterClient}), a {@link RedisDeployment} or a {@link RedisClusterGroup}.
 * A {@link RedisServer} or {@link RedisServerGroup} parameter fails with a clear message: single-server
 * tests that stop or pause servers do not carry over to a cluster. Takes precedence over an inherited
 * {@link RedisServers}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RedisServersExtension.class)
public @interface OnRedisCluster {

    /** How many masters (at least 3 makes keys of one test really spread over several nodes). */
    int masters() default 3;
}
