package dev.pottery.spring.boot;

import dev.pottery.codec.Codec;
import dev.pottery.jcache.configuration.NearCacheSettings;
import dev.pottery.jcache.configuration.PotteryConfiguration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.cache.configuration.Factory;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;

/**
 * The JCache configuration each Spring cache is created with: the cache's settings
 * ({@code pottery.cache.caches.<name>.*}) over the defaults ({@code pottery.cache.default.*}). Keys and
 * values are untyped ({@code Object}): Spring caches a {@code null} result as its own marker object, and keys
 * are whatever the key generator makes.
 *
 * <pre>{@code
 * CacheConfigurations configurations = new CacheConfigurations(defaults, perCache, jsonCodec);
 * manager.createCache("books", configurations.forCache("books"));
 * }</pre>
 */
final class CacheConfigurations {

    private final CacheSettings defaults;
    private final Map<String, CacheSettings> caches;
    private final Supplier<Codec<Object>> json;

    /** {@code json} is asked for the JSON codec the first time a cache needs it. */
    CacheConfigurations(CacheSettings defaults, Map<String, CacheSettings> caches, Supplier<Codec<Object>> json) {
        this.defaults = defaults;
        this.caches = caches;
        this.json = json;
    }

    /** The settings in force for the cache {@code name}. */
    CacheSettings settings(String name) {
        return caches.getOrDefault(name, CacheSettings.INHERIT).over(defaults);
    }

    /** A new configuration for the cache {@code name}. */
    PotteryConfiguration<Object, Object> forCache(String name) {
        CacheSettings settings = settings(name);
        PotteryConfiguration<Object, Object> configuration = new PotteryConfiguration<>();
        configuration.setTypes(Object.class, Object.class);
        configuration.setExpiryPolicyFactory(expiry(name, settings));
        configuration.setStatisticsEnabled(settings.effectiveStatistics());
        if (settings.effectiveCodec() == ValueCodec.JSON) {
            configuration.codecs(null, json.get());
        }
        if (settings.nearCache() != null && settings.nearCache() > 0) {
            configuration.nearCache(NearCacheSettings.of(settings.nearCache()));
        }
        return configuration;
    }

    private static Factory<? extends ExpiryPolicy> expiry(String name, CacheSettings settings) {
        CacheSettings.Expiry expiry = settings.effectiveExpiry();
        if (expiry == CacheSettings.Expiry.ETERNAL) {
            return EternalExpiryPolicy.factoryOf();
        }
        if (settings.expiryDuration() == null) {
            throw new IllegalStateException("cache " + name + ": expiry '" + settings.expiryName() + "' needs an"
                    + " expiry-duration (pottery.cache.default.expiry-duration or pottery.cache.caches." + name
                    + ".expiry-duration)");
        }
        Duration duration = new Duration(TimeUnit.MILLISECONDS, settings.expiryDuration().toMillis());
        return switch (expiry) {
            case CREATED -> CreatedExpiryPolicy.factoryOf(duration);
            case ACCESSED -> AccessedExpiryPolicy.factoryOf(duration);
            case MODIFIED -> ModifiedExpiryPolicy.factoryOf(duration);
            default -> TouchedExpiryPolicy.factoryOf(duration);
        };
    }
}
