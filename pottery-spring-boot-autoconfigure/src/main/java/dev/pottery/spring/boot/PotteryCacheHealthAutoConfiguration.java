package dev.pottery.spring.boot;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code pottery} health contributor ({@link PotteryHealthIndicator}) when Spring Boot Actuator is
 * present and Pottery's caches are configured; {@code management.health.pottery.enabled=false} turns it off.
 *
 * <pre>{@code
 * management.endpoint.health.show-details=always      # to see the address and caches
 * }</pre>
 */
@AutoConfiguration(after = PotteryCacheAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(name = PotteryCacheAutoConfiguration.JCACHE_MANAGER)
@ConditionalOnEnabledHealthIndicator("pottery")
public class PotteryCacheHealthAutoConfiguration {

    /** The health contributor {@code pottery}. */
    @Bean
    @ConditionalOnMissingBean(name = "potteryHealthIndicator")
    HealthIndicator potteryHealthIndicator(
            @Qualifier(PotteryCacheAutoConfiguration.JCACHE_MANAGER) javax.cache.CacheManager manager) {
        return new PotteryHealthIndicator(manager);
    }
}
