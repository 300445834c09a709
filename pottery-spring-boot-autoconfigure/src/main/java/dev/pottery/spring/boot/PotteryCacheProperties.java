package dev.pottery.spring.boot;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Pottery's cache settings for Spring Boot, under {@code pottery.cache}. Where Redis is comes from Spring
 * Boot's own {@code spring.data.redis.*}; nothing here is required.
 *
 * <pre>{@code
 * pottery.cache.namespace=shop
 * pottery.cache.default.expiry-duration=10m
 * pottery.cache.default.codec=json
 * pottery.cache.caches.books.expiry-duration=1h
 * pottery.cache.caches.[prices.eur].expiry=accessed      # a name with dots goes in brackets
 * pottery.cache.caches.[prices.eur].expiry-duration=5m
 * }</pre>
 *
 * @param enabled Whether Pottery configures Spring's cache manager.
 * @param namespace Namespace of the Redis keys: applications and instances with the same namespace on the
 *     same Redis share their caches. Default: spring.application.name, else "default".
 * @param keyPrefix First part of every Redis key.
 * @param timeout Connect, socket and pool-wait timeout. Default: spring.data.redis.timeout, else
 *     spring.data.redis.connect-timeout, else 2s.
 * @param poolSize Most pooled connections to Redis (per node of a cluster).
 * @param sweepInterval How often expired entries are deleted in the background; 0 turns it off.
 * @param leaseWait How long a call waits for another caller's work on the same entry (a loading
 *     {@code @Cacheable(sync = true)} method, here or in another instance) before it fails with
 *     {@code LeaseTimeoutException} naming the key. Make it longer than the slowest such method.
 * @param startup What to do when Redis does not answer at startup: "check" fails the startup with one
 *     message naming the address; "lazy" starts anyway, and cache calls fail until Redis answers.
 * @param defaults Settings every cache gets.
 * @param caches Settings of single caches, by cache name, over the defaults. These caches are created at
 *     startup, others on first use.
 * @param json Settings of the JSON codec.
 */
@ConfigurationProperties("pottery.cache")
public record PotteryCacheProperties(
        @DefaultValue("true") boolean enabled,
        String namespace,
        @DefaultValue("pottery:jcache") String keyPrefix,
        Duration timeout,
        @DefaultValue("16") int poolSize,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("30s") Duration leaseWait,
        @DefaultValue("check") Startup startup,
        @Name("default") @DefaultValue @NestedConfigurationProperty CacheSettings defaults,
        Map<String, CacheSettings> caches,
        @DefaultValue Json json) {

    /** Copies the map of caches (none when left out). */
    public PotteryCacheProperties {
        caches = caches == null ? Map.of() : Map.copyOf(caches);
        if (leaseWait.isNegative() || leaseWait.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lease-wait must be from 0 to " + Integer.MAX_VALUE + " ms, not " + leaseWait);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool-size must be at least 1, not " + poolSize);
        }
        // A policy without a duration fails at startup, not at the first call of a cached method.
        if (defaults != null) {
            defaults.requireDuration("pottery.cache.default");
            for (Map.Entry<String, CacheSettings> cache : caches.entrySet()) {
                cache.getValue().over(defaults).requireDuration("pottery.cache.caches." + cache.getKey());
            }
        }
    }

    /** What happens at startup when Redis does not answer. */
    public enum Startup {
        /** PING Redis at startup; fail with one clear message if it does not answer. */
        CHECK,
        /** Do not contact Redis at startup; caches are created on first use, and fail while Redis is away. */
        LAZY
    }

    /**
     * Settings of the JSON codec.
     *
     * @param allowedPackages Packages (with their sub-packages) whose classes the JSON codec, and the Java
     *     serialization codec, may read back, beyond the application's own (those of @SpringBootApplication) and
     *     the JDK's value and collection types.
     */
    public record Json(List<String> allowedPackages) {

        /** Copies the list (none when left out). */
        public Json {
            allowedPackages = allowedPackages == null ? List.of() : List.copyOf(allowedPackages);
        }
    }
}
