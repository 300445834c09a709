package dev.pottery.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless the application names a JCache configuration file ({@code spring.cache.jcache.config}):
 * such an application configures its caches in that file, through Spring Boot's own JCache support, and
 * Pottery's auto-configuration stays out of the way rather than ignore the file.
 *
 * <pre>{@code
 * spring.cache.jcache.config=classpath:pottery-cache.properties    # Spring Boot's JCache support, not this one
 * }</pre>
 */
final class NoJCacheConfigFile extends SpringBootCondition {

    static final String PROPERTY = "spring.cache.jcache.config";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return context.getEnvironment().containsProperty(PROPERTY)
                ? ConditionOutcome.noMatch(PROPERTY + " names a JCache configuration file")
                : ConditionOutcome.match("no " + PROPERTY);
    }
}
