package dev.pottery.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pottery.codec.Codec;
import dev.pottery.jcache.spi.PotteryCachingProvider;
import dev.pottery.spring.boot.json.TypeAllowList;
import dev.pottery.spring.boot.json.TypedJsonCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.cache.Caching;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.cache.CacheAutoConfiguration;
import org.springframework.boot.autoconfigure.cache.CacheManagerCustomizer;
import org.springframework.boot.autoconfigure.cache.CacheManagerCustomizers;
import org.springframework.boot.autoconfigure.cache.CacheProperties;
import org.springframework.boot.autoconfigure.cache.JCacheManagerCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheAspectSupport;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Spring's cache manager on Pottery's JCache provider, for an application with {@code @EnableCaching}: Redis
 * from {@code spring.data.redis.*} ({@link RedisConnection}), caches from {@code pottery.cache.*}
 * ({@link PotteryCacheProperties}), created on first use. Runs before Spring Boot's own cache
 * auto-configuration, which then backs off.
 *
 * <pre>{@code
 * @SpringBootApplication
 * @EnableCaching
 * public class ShopApplication { ... }       // plus spring.data.redis.url=redis://cache-host:6379
 * }</pre>
 *
 * <p>Backs off when the application defines its own {@code CacheManager}, when {@code spring.cache.type} names
 * another cache than {@code jcache}, when {@code spring.cache.jcache.config} names a JCache configuration file
 * (Spring Boot's own JCache support then reads it), or with {@code pottery.cache.enabled=false}.
 */
@AutoConfiguration(before = CacheAutoConfiguration.class)
@ConditionalOnClass({Caching.class, JCacheCacheManager.class, PotteryCachingProvider.class})
@ConditionalOnBean(CacheAspectSupport.class)
@ConditionalOnMissingBean(CacheManager.class)
@ConditionalOnProperty(prefix = "spring.cache", name = "type", havingValue = "jcache", matchIfMissing = true)
@ConditionalOnProperty(prefix = "pottery.cache", name = "enabled", havingValue = "true", matchIfMissing = true)
@Conditional(NoJCacheConfigFile.class)
@EnableConfigurationProperties({PotteryCacheProperties.class, RedisProperties.class, CacheProperties.class})
public class PotteryCacheAutoConfiguration {

    /** Name of the {@code javax.cache.CacheManager} bean (Pottery's JCache manager). */
    public static final String JCACHE_MANAGER = "potteryJCacheManager";

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /**
     * Pottery's JCache manager for this context, closed with it (the caches' data stays in Redis).
     *
     * @throws RedisUnavailableException with {@code pottery.cache.startup=check}, if Redis does not answer
     */
    @Bean(name = JCACHE_MANAGER, destroyMethod = "close")
    javax.cache.CacheManager potteryJCacheManager(PotteryCacheProperties settings, RedisProperties redis,
                                                  Environment environment, ConfigurableListableBeanFactory beanFactory,
                                                  ObjectProvider<JCacheManagerCustomizer> customizers) {
        RedisConnection connection = RedisConnection.of(redis);
        javax.cache.CacheManager manager = JCacheManagers.open(
                Caching.getCachingProvider(PotteryCachingProvider.class.getName()), beanFactory.getBeanClassLoader(),
                settings, connection, timeout(settings, redis), namespace(settings, environment),
                allowedPackages(settings, beanFactory));
        customizers.orderedStream().forEach(customizer -> customizer.customize(manager));
        return manager;
    }

    /** Spring's cache manager: the caches of {@code pottery.cache.caches} and {@code spring.cache.cache-names} now, others on first use. */
    @Bean
    JCacheCacheManager cacheManager(javax.cache.CacheManager potteryJCacheManager, PotteryCacheProperties settings,
                                    CacheProperties springCache, ConfigurableListableBeanFactory beanFactory,
                                    ObjectProvider<ObjectMapper> objectMapper,
                                    ObjectProvider<CacheManagerCustomizer<?>> customizers,
                                    ObjectProvider<CacheCreatedListener> listeners) {
        SingletonSupplier<Codec<Object>> json = SingletonSupplier.of(() -> new TypedJsonCodec(
                objectMapper.getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build()),
                TypeAllowList.of(allowedPackages(settings, beanFactory))));
        CacheConfigurations configurations = new CacheConfigurations(settings.defaults(), settings.caches(), json);
        Set<String> createAtStartup = new LinkedHashSet<>();
        if (settings.startup() == PotteryCacheProperties.Startup.CHECK) {
            createAtStartup.addAll(springCache.getCacheNames());
            createAtStartup.addAll(settings.caches().keySet());
        }
        PotterySpringCacheManager manager = new PotterySpringCacheManager(potteryJCacheManager, configurations,
                createAtStartup, listeners);
        return new CacheManagerCustomizers(customizers.orderedStream().toList()).customize(manager);
    }

    private static Duration timeout(PotteryCacheProperties settings, RedisProperties redis) {
        if (settings.timeout() != null) {
            return settings.timeout();
        }
        if (redis.getTimeout() != null) {
            return redis.getTimeout();
        }
        return redis.getConnectTimeout() != null ? redis.getConnectTimeout() : DEFAULT_TIMEOUT;
    }

    private static String namespace(PotteryCacheProperties settings, Environment environment) {
        if (settings.namespace() != null && !settings.namespace().isBlank()) {
            return settings.namespace();
        }
        String application = environment.getProperty("spring.application.name");
        return application == null || application.isBlank() ? "default" : application;
    }

    /** The packages of {@code @SpringBootApplication} (its auto-configuration packages) plus those configured. */
    private static List<String> allowedPackages(PotteryCacheProperties settings, ConfigurableListableBeanFactory beanFactory) {
        List<String> packages = new ArrayList<>();
        if (AutoConfigurationPackages.has(beanFactory)) {
            AutoConfigurationPackages.get(beanFactory).stream().filter(name -> !name.isEmpty()).forEach(packages::add);
        }
        packages.addAll(settings.json().allowedPackages());
        return packages;
    }
}
