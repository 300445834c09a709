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

/** The JUnit 5 extension behind {@link RedisServers}: one {@link RedisServerGroup} per test class. */
public final class RedisServersExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RedisServersExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (AnnotationSupport.findAnnotation(context.getRequiredTestClass(), RedisServers.class).isEmpty()) {
            return; // a @Nested class uses its enclosing class's servers
        }
        RedisServers settings = settings(context);
        ServerOptions options = settings.persistent() ? ServerOptions.persistentServers() : ServerOptions.DEFAULT;
        RedisServerGroup group = RedisServerGroup.start(settings.count(), options);
        context.getStore(NAMESPACE).put(context.getRequiredTestClass(), group);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
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
        return type == RedisServerGroup.class || type == RedisServer.class || type == UnifiedJedis.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RedisServerGroup group = group(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == RedisServerGroup.class) {
            return group;
        }
        if (type == RedisServer.class) {
            return group.get(0);
        }
        return group.client();
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
