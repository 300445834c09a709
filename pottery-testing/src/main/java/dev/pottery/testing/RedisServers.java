package dev.pottery.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts real Redis servers before a test class and stops them after it.
 *
 * <pre>{@code
 * @RedisServers(count = 5)
 * class RedlockTest {
 *     @Test
 *     void survivesOneMasterDown(RedisServerGroup masters) {
 *         masters.get(0).kill();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Test methods, constructors and lifecycle methods may declare a {@link RedisServerGroup} (all the
 * servers), a {@link RedisServer} (the first), or a {@link redis.clients.jedis.UnifiedJedis} (a client
 * of the first, closed with the class). Servers are shared by the class's tests; with
 * {@link #flushBeforeEach()} every test starts on empty servers.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RedisServersExtension.class)
public @interface RedisServers {

    /** How many independent servers to start. */
    int count() default 1;

    /** Whether data survives a restart (append-only file). */
    boolean persistent() default false;

    /** Whether to delete every key on every running server before each test. */
    boolean flushBeforeEach() default true;

    /** The default user's password ({@code requirepass}); empty for none. */
    String password() default "";

    /** ACL users, each the rule of an ACL file's {@code user} line, e.g. {@code "app on >pw ~app:* +@read"}. */
    String[] aclUsers() default {};

    /** Whether the servers speak only TLS, with a certificate made at test time ({@link TlsMaterial}). */
    boolean tls() default false;
}
