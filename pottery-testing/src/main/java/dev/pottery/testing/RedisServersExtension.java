package dev.pottery.testing;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import redis.clients.jedis.UnifiedJedis;

/**
 * The JUnit 5 extension behind {@link RedisServers} (one {@link RedisServerGroup} per test class) and
 * {@link OnRedisCluster} (one {@link RedisClusterGroup} per size, shared by the whole test run).
 */
public final class RedisServersExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RedisServersExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        if (AnnotationSupport.findAnnotation(testClass, OnRedisCluster.class).isPresent()) {
            cluster(context); // started now, so its start-up is not counted against the first test
            return;
        }
        if (AnnotationSupport.findAnnotation(testClass, RedisServers.class).isEmpty()) {
            return; // a @Nested class uses its enclosing class's servers
        }
        RedisServers settings = settings(context);
        ServerOptions options = settings.persistent() ? ServerOptions.persistentServers() : ServerOptions.DEFAULT;
        if (!settings.password().isEmpty()) {
            options = options.withPassword(settings.password());
        }
        for (String user : settings.aclUsers()) {
            options = options.withAclUser(user);
        }
        if (settings.tls()) {
            options = options.withTls();
        }
        RedisServerGroup group = RedisServerGroup.start(settings.count(), options);
        context.getStore(NAMESPACE).put(testClass, group);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (clusterSettings(context).isPresent()) {
            cluster(context).flushAll();
            return;
        }
        if (settings(context).flushBeforeEach()) {
            RedisServerGroup group = group(context);
            // A test may leave a server stopped or paused; the next one starts from running servers.
            for (RedisServer server : group.servers()) {
                if (!server.isRunning()) {
                    revive(server);
                }
            }
            group.flushAll();
        }
    }

    private static void revive(RedisServer server) {
        try {
            server.resume();
        } catch (IllegalStateException notAlive) {
            server.restart();
        }
        if (!server.answersPing()) {
            server.restart();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RedisServerGroup group = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), RedisServerGroup.class);
        if (group != null) {
            group.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RedisServerGroup.class || type == RedisServer.class || type == UnifiedJedis.class
                || type == RedisDeployment.class || type == RedisClusterGroup.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (clusterSettings(context).isPresent()) {
            RedisClusterGroup cluster = cluster(context);
            if (type == UnifiedJedis.class) {
                return cluster.client();
            }
            if (type == RedisDeployment.class || type == RedisClusterGroup.class) {
                return cluster;
            }
            throw new ParameterResolutionException(context.getRequiredTestClass().getSimpleName()
                    + " runs on a Redis Cluster: a " + type.getSimpleName() + " parameter has no meaning there"
                    + " (take a RedisDeployment for more clients, or a RedisClusterGroup)");
        }
        if (type == RedisClusterGroup.class) {
            throw new ParameterResolutionException("a RedisClusterGroup parameter needs @OnRedisCluster on "
                    + context.getRequiredTestClass().getSimpleName());
        }
        RedisServerGroup group = group(context);
        if (type == RedisServerGroup.class) {
            return group;
        }
        if (type == RedisServer.class || type == RedisDeployment.class) {
            return group.get(0);
        }
        return group.client();
    }

    private static Optional<OnRedisCluster> clusterSettings(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<OnRedisCluster> found = AnnotationSupport.findAnnotation(c, OnRedisCluster.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The run-wide cluster of the class's size, started on first use and closed when the run ends. */
    private static RedisClusterGroup cluster(ExtensionContext context) {
        int masters = clusterSettings(context).orElseThrow().masters();
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        // The root store closes AutoCloseable values when the test run ends.
        return root.getOrComputeIfAbsent("cluster-" + masters, name -> RedisClusterGroup.start(masters),
                RedisClusterGroup.class);
    }

    private static RedisServers settings(ExtensionContext context) {
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            Optional<RedisServers> found = AnnotationSupport.findAnnotation(c, RedisServers.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ParameterResolutionException(
                context.getRequiredTestClass() + " uses RedisServersExtension without @RedisServers");
    }

    private static RedisServerGroup group(ExtensionContext context) {
        // Nested classes share the servers of the class that declared them.
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<Class<?>> testClass = c.get().getTestClass();
            if (testClass.isPresent()) {
                RedisServerGroup group = c.get().getStore(NAMESPACE).get(testClass.get(), RedisServerGroup.class);
                if (group != null) {
                    return group;
                }
            }
        }
        throw new ParameterResolutionException("no Redis servers were started for " + context.getDisplayName());
    }
}
