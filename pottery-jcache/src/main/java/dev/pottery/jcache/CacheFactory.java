package dev.pottery.jcache;

import dev.pottery.codec.Codec;
import dev.pottery.codec.SerializingCodec;
import dev.pottery.jcache.configuration.CodecNames;
import dev.pottery.jcache.configuration.LeaseSettings;
import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.jcache.configuration.NearCacheSettings;
import dev.pottery.jcache.configuration.PotteryConfiguration;
import dev.pottery.jcache.event.EventSubscriber;
import dev.pottery.jcache.expiry.ExpiryDurations;
import dev.pottery.jcache.integration.ReadThrough;
import dev.pottery.jcache.integration.WriteThrough;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.annotation.GeneratedCacheKey;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds the caches of one manager: for each, the {@link CacheContext} its operations share (Redis keys and
 * command layer, codecs, expiry, loader and writer roles, events, statistics, locks and leases) and the
 * {@link PotteryCache} facade over it. Nothing it builds refers back to the manager or to the facade.
 *
 * <pre>{@code
 * CacheFactory factory = new CacheFactory(manager, redis, settings, leaseSettings, classLoader, subscriber, executor);
 * PotteryCache<String, Integer> cache = factory.create("scores", configuration, manager::forget).cache();
 * }</pre>
 */
final class CacheFactory {

    private final CacheManager manager;
    private final UnifiedJedis redis;
    private final ManagerSettings settings;
    private final LeaseSettings leaseSettings;
    private final ClassLoader classLoader;
    private final Supplier<EventSubscriber> subscriber;
    private final Executor executor;
    private final NearCacheSettings nearCacheDefault;

    CacheFactory(CacheManager manager, UnifiedJedis redis, ManagerSettings settings, LeaseSettings leaseSettings,
                 NearCacheSettings nearCacheDefault, ClassLoader classLoader, Supplier<EventSubscriber> subscriber,
                 Executor executor) {
        this.nearCacheDefault = nearCacheDefault;
        this.manager = manager;
        this.redis = redis;
        this.settings = settings;
        this.leaseSettings = leaseSettings;
        this.classLoader = classLoader;
        this.subscriber = subscriber;
        this.executor = executor;
    }

    /** A cache of this name and configuration; {@code onClose} is told when it is closed by its user. */
    <K, V> OpenCache<K, V> create(String name, PotteryConfiguration<K, V> configuration,
                                  Consumer<PotteryCache<?, ?>> onClose) {
        List<Object> closeables = new ArrayList<>();
        CacheKeys keys = keys(name, configuration.namespace());
        String where = FailureText.cache(name, settings.address());
        String keyCodecName = codecName(configuration.keyCodec(), configuration.keyCodecName(),
                configuration.getKeyType());
        String valueCodecName = codecName(configuration.valueCodec(), configuration.valueCodecName(),
                configuration.getValueType());
        Codec<K> keyCodec = configuration.keyCodec() != null ? configuration.keyCodec()
                : codec(keyCodecName, configuration.getKeyType(), configuration, where, "key");
        Codec<V> valueCodec = configuration.valueCodec() != null ? configuration.valueCodec()
                : codec(valueCodecName, configuration.getValueType(), configuration, where, "value");
        EntryCodec<K, V> codec = new EntryCodec<>(keyCodec, valueCodec, where, keys.entries());
        ExpiryDurations expiry = ExpiryDurations.of(configuration.getExpiryPolicyFactory().create());
        closeables.add(expiry.policy());
        OperationStatistics statistics = new OperationStatistics(configuration.isStatisticsEnabled());
        NearCacheSettings nearSettings = configuration.nearCacheSet() ? configuration.nearCache() : nearCacheDefault;
        NearCache near = nearSettings != null && readsNeedNoWrite(expiry)
                ? new NearCache(nearSettings, statistics.counters(), IMMUTABLE.contains(configuration.getValueType()))
                : null;
        CacheStore store = new CacheStore(redis, keys, where, codec::keyText, leaseSettings.leaseMillis(),
                near == null ? Invalidations.NONE : near);
        TypeChecks<K, V> checks = new TypeChecks<>(configuration.getKeyType(), configuration.getValueType(), where);
        KeyLocks locks = new KeyLocks(leaseSettings.waitMillis());
        Leases leases = new Leases(store, leaseSettings.waitMillis());
        EntryGuard guard = new EntryGuard(store, expiry, locks, leases);

        Loads<K, V> loads = null;
        if (configuration.getCacheLoaderFactory() != null) {
            ReadThrough<K, V> loader = new ReadThrough<>(configuration.getCacheLoaderFactory().create(), where);
            closeables.add(loader.loader());
            loads = new Loads<>(loader, store, codec, checks, expiry, guard);
        }
        Misses<K, V> misses = loads != null && configuration.isReadThrough() ? loads : Misses.none();
        WriteThrough<K, V> writer = WriteThrough.none();
        if (configuration.isWriteThrough() && configuration.getCacheWriterFactory() != null) {
            writer = new WriteThrough<>(configuration.getCacheWriterFactory().create(), where);
            closeables.add(writer.writer());
        }
        CacheEvents<K, V> events = new CacheEvents<>(name, store, codec, subscriber);
        if (near != null) {
            events.attach(near);
        }
        Reporter<K, V> reporter = new Reporter<>(codec, events, statistics);
        CacheContext<K, V> context = new CacheContext<>(name, store, codec, checks, expiry, misses, loads, writer,
                events, statistics, locks, leases, guard, reporter, near == null ? NearReads.NONE : near, executor);
        CacheMBeans mbeans = new CacheMBeans(manager.getURI().toString(), name, () -> configuration,
                statistics.counters());
        CacheLifecycle<K, V> lifecycle = new CacheLifecycle<>(context, configuration, mbeans, closeables);
        PotteryConfiguration<K, V> recorded = new PotteryConfiguration<>(configuration)
                .codecNames(keyCodecName, valueCodecName)
                .namespace(configuration.namespace() == null ? settings.namespace() : configuration.namespace());
        return new OpenCache<>(new PotteryCache<>(manager, context, configuration, lifecycle, onClose), lifecycle,
                store, recorded);
    }

    /** The command layer of a cache without opening it (to read its recorded configuration, or destroy it). */
    CacheStore probe(String name, String namespace) {
        CacheKeys keys = keys(name, namespace);
        return new CacheStore(redis, keys, FailureText.cache(name, settings.address()), key -> "a key",
                leaseSettings.leaseMillis(), Invalidations.NONE);
    }

    /** Value types whose instances cannot change: a near cache keeps them decoded (others as bytes). */
    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Long.class, Integer.class, Short.class,
            Byte.class, Double.class, Float.class, Boolean.class, Character.class, BigInteger.class, BigDecimal.class,
            UUID.class);

    /**
     * Whether a read never changes an entry's expiry (a standard policy without an access duration), so that
     * a near cache may answer reads without telling Redis.
     */
    private static boolean readsNeedNoWrite(ExpiryDurations expiry) {
        return expiry.isConstant() && expiry.access() == ExpiryDurations.UNCHANGED;
    }

    /** The name of the codec given (an instance, or by name), else of the declared type's default. */
    private static String codecName(Codec<?> instance, String name, Class<?> type) {
        return instance != null ? CodecNames.nameOf(instance, type) : name != null ? name : CodecNames.defaultFor(type);
    }

    /** The codec a name stands for; a name that cannot make one is a CacheException naming the cache. */
    private <T> Codec<T> codec(String name, Class<T> type, PotteryConfiguration<?, ?> configuration, String where,
                               String role) {
        try {
            return CodecNames.make(name, type, classLoader, () -> defaultCodec(configuration));
        } catch (IllegalArgumentException e) {
            throw new CacheException("cannot make the " + role + " codec '" + name + "' of " + where + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The default codec: Java serialization, decoding only the JDK's value types, the cache's declared key and
     * value types, the keys the JSR-107 annotations generate ({@link GeneratedCacheKey}) and what
     * {@link ManagerSettings#SERIALIZATION_ALLOW} allows.
     */
    private <T> Codec<T> defaultCodec(PotteryConfiguration<?, ?> configuration) {
        return SerializingCodec.<T>with(classLoader).allowPatterns(settings.serializationAllow())
                .allowTypes(configuration.getKeyType(), configuration.getValueType())
                .allowSubtypesOf(GeneratedCacheKey.class);
    }

    private CacheKeys keys(String name, String namespace) {
        return CacheKeys.of(settings.keyPrefix(), namespace == null ? settings.namespace() : namespace, name);
    }
}
