package dev.pottery.jcache.configuration;

import java.lang.reflect.Constructor;
import java.util.List;
import javax.cache.configuration.Factory;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;

/**
 * One cache declared in a configuration file ({@code cache.<name>.<setting>}), turned into the
 * {@link PotteryConfiguration} the manager creates it with when it opens.
 *
 * <pre>{@code
 * cache.books.key-type = String
 * cache.books.value-type = com.example.Book
 * cache.books.expiry = created
 * cache.books.expiry-duration = 10m
 * cache.books.statistics = true
 * }</pre>
 *
 * @param name the cache's name
 * @param configuration its configuration
 */
public record CacheSpec(String name, PotteryConfiguration<Object, Object> configuration) {

    /** Settings a cache may have (the last part of {@code cache.<name>.<setting>}). */
    public static final List<String> SETTINGS = List.of("key-type", "value-type", "expiry", "expiry-duration",
            "statistics", "management", "loader", "read-through", "writer", "write-through", "key-codec",
            "value-codec", "namespace", "store-by-value", "near-cache", "near-cache-max-age");

    /** Reads the settings of the cache {@code name} from the file. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static CacheSpec read(String name, ConfigValues values, ClassLoader loader) {
        String prefix = "cache." + name + ".";
        PotteryConfiguration<Object, Object> config = new PotteryConfiguration<>();
        Class keyType = values.text(prefix + "key-type") == null ? Object.class
                : values.type(prefix + "key-type", loader, null);
        Class valueType = values.text(prefix + "value-type") == null ? Object.class
                : values.type(prefix + "value-type", loader, null);
        config.setTypes(keyType, valueType);
        config.setExpiryPolicyFactory(expiry(prefix, values, loader));
        if (values.text(prefix + "statistics") != null) {
            config.setStatisticsEnabled(values.bool(prefix + "statistics"));
        }
        if (values.text(prefix + "management") != null) {
            config.setManagementEnabled(values.bool(prefix + "management"));
        }
        if (values.text(prefix + "store-by-value") != null && !values.bool(prefix + "store-by-value")) {
            throw values.source().problem(prefix + "store-by-value", "Pottery stores by value only (entries are"
                    + " serialized into Redis); remove the property or set it to true");
        }
        if (values.text(prefix + "loader") != null) {
            config.setCacheLoaderFactory((Factory) factory(prefix + "loader", values, loader, CacheLoader.class));
            config.setReadThrough(true);
        }
        if (values.text(prefix + "read-through") != null) {
            config.setReadThrough(values.bool(prefix + "read-through"));
        }
        if (values.text(prefix + "writer") != null) {
            config.setCacheWriterFactory((Factory) factory(prefix + "writer", values, loader, CacheWriter.class));
            config.setWriteThrough(true);
        }
        if (values.text(prefix + "write-through") != null) {
            config.setWriteThrough(values.bool(prefix + "write-through"));
        }
        if (config.isReadThrough() && config.getCacheLoaderFactory() == null) {
            throw values.source().problem(prefix + "read-through", "read-through needs " + prefix + "loader");
        }
        if (config.isWriteThrough() && config.getCacheWriterFactory() == null) {
            throw values.source().problem(prefix + "write-through", "write-through needs " + prefix + "writer");
        }
        config.codecNames(CodecNames.fromFile(prefix + "key-codec", values, loader, keyType),
                CodecNames.fromFile(prefix + "value-codec", values, loader, valueType));
        config.namespace(values.text(prefix + "namespace"));
        if (values.text(prefix + "near-cache") != null) {
            long maxAge = values.text(prefix + "near-cache-max-age") == null ? NearCacheSettings.DEFAULT.maxAgeMillis()
                    : values.duration(prefix + "near-cache-max-age").getTimeUnit()
                    .toMillis(values.duration(prefix + "near-cache-max-age").getDurationAmount());
            try {
                config.nearCache(NearCacheSettings.parse(values.text(prefix + "near-cache"), maxAge));
            } catch (IllegalArgumentException e) {
                throw values.source().problem(prefix + "near-cache", e.getMessage(), e);
            }
        } else if (values.text(prefix + "near-cache-max-age") != null) {
            throw values.source().problem(prefix + "near-cache-max-age", "a maximum age needs " + prefix
                    + "near-cache = true (or a number of entries)");
        }
        return new CacheSpec(name, config);
    }

    private static Factory<? extends ExpiryPolicy> expiry(String prefix, ConfigValues values, ClassLoader loader) {
        String policy = values.text(prefix + "expiry");
        String durationProperty = prefix + "expiry-duration";
        boolean hasDuration = values.text(durationProperty) != null;
        if (policy == null || policy.equalsIgnoreCase("eternal")) {
            if (hasDuration) {
                throw values.source().problem(durationProperty, "a duration needs " + prefix
                        + "expiry = created, accessed, modified or touched");
            }
            return EternalExpiryPolicy.factoryOf();
        }
        String standard = policy.toLowerCase(java.util.Locale.ROOT);
        if (standard.equals("created") || standard.equals("accessed") || standard.equals("modified")
                || standard.equals("touched")) {
            if (!hasDuration) {
                throw values.source().problem(prefix + "expiry", "expiry '" + policy + "' needs "
                        + durationProperty + " (for example 10m)");
            }
            Duration duration = values.duration(durationProperty);
            return switch (standard) {
                case "created" -> CreatedExpiryPolicy.factoryOf(duration);
                case "accessed" -> AccessedExpiryPolicy.factoryOf(duration);
                case "modified" -> ModifiedExpiryPolicy.factoryOf(duration);
                default -> TouchedExpiryPolicy.factoryOf(duration);
            };
        }
        if (hasDuration) {
            throw values.source().problem(durationProperty, "a duration goes with a standard policy (created,"
                    + " accessed, modified, touched), not with the class " + policy);
        }
        @SuppressWarnings("unchecked")
        Factory<? extends ExpiryPolicy> factory = (Factory<? extends ExpiryPolicy>)
                factory(prefix + "expiry", values, loader, ExpiryPolicy.class);
        return factory;
    }

    /**
     * A factory from a class name: either a {@link Factory} (made now, so a bad class fails at open) or the
     * product itself, which must have a public no-argument constructor.
     */
    private static Factory<?> factory(String property, ConfigValues values, ClassLoader loader, Class<?> product) {
        Class<?> type = values.type(property, loader, null);
        if (!Factory.class.isAssignableFrom(type) && !product.isAssignableFrom(type)) {
            throw values.source().problem(property, "class " + type.getName() + " is neither a " + product.getName()
                    + " nor a javax.cache.configuration.Factory");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw values.source().problem(property, "class " + type.getName()
                    + " has no public constructor without arguments", e);
        }
        if (Factory.class.isAssignableFrom(type)) {
            try {
                return (Factory<?>) constructor.newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw values.source().problem(property, "factory " + type.getName() + " cannot be made: " + e, e);
            }
        }
        return FactoryBuilder.factoryOf(type.getName());
    }
}
