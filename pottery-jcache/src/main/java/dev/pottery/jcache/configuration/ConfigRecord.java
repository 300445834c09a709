package dev.pottery.jcache.configuration;

import dev.pottery.codec.CodecException;
import dev.pottery.codec.SerializingCodec;
import java.util.List;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryListener;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;

/**
 * A cache's configuration as recorded in Redis (Java serialization of a {@link PotteryConfiguration}), so a
 * second manager or JVM that opens the cache by name gets the same types, expiry, loader, writer, listeners,
 * flags, codec names and namespace. A record written before codecs were recorded (a plain
 * {@link MutableConfiguration}) reads back with the codecs of that time: Java serialization for both.
 *
 * <pre>{@code
 * byte[] record = ConfigRecord.encode(configuration);
 * CompleteConfiguration<Object, Object> same = ConfigRecord.decode(record, classLoader);
 * }</pre>
 *
 * <p>Factories are Serializable by the spec; one that in fact is not (it holds something that is not) is
 * left out of the record, and the record keeps the rest.
 */
public final class ConfigRecord {

    /** The classes of a recorded configuration beyond the JDK's value types. */
    private static final List<String> RECORD_CLASSES = List.of("javax.cache.**", "dev.pottery.jcache.configuration.*");

    private ConfigRecord() {
    }

    /**
     * Serializes a configuration, dropping the parts that cannot be serialized. Written without an
     * allow-list: what a reader must allow is decided by {@link #decode(byte[], ClassLoader, List)}.
     */
    public static <K, V> byte[] encode(CompleteConfiguration<K, V> configuration) {
        SerializingCodec<MutableConfiguration<K, V>> codec = writer();
        PotteryConfiguration<K, V> copy = new PotteryConfiguration<>(configuration);
        try {
            return codec.encode(copy);
        } catch (CodecException e) {
            PotteryConfiguration<K, V> plain = new PotteryConfiguration<>();
            if (configuration instanceof PotteryConfiguration<K, V> pottery) {
                plain.codecNames(pottery.keyCodecName(), pottery.valueCodecName()).namespace(pottery.namespace());
            }
            plain.setTypes(configuration.getKeyType(), configuration.getValueType())
                    .setStoreByValue(configuration.isStoreByValue())
                    .setReadThrough(configuration.isReadThrough())
                    .setWriteThrough(configuration.isWriteThrough())
                    .setStatisticsEnabled(configuration.isStatisticsEnabled())
                    .setManagementEnabled(configuration.isManagementEnabled());
            keepIfSerializable(plain, () -> plain.setExpiryPolicyFactory(configuration.getExpiryPolicyFactory()));
            keepIfSerializable(plain, () -> plain.setCacheLoaderFactory(configuration.getCacheLoaderFactory()));
            keepIfSerializable(plain, () -> plain.setCacheWriterFactory(configuration.getCacheWriterFactory()));
            for (CacheEntryListenerConfiguration<K, V> listener : configuration.getCacheEntryListenerConfigurations()) {
                keepIfSerializable(plain, () -> plain.addCacheEntryListenerConfiguration(listener));
            }
            return codec.encode(plain);
        }
    }

    /** Reads a recorded configuration, resolving classes with {@code classLoader}; see the 3-argument form. */
    public static <K, V> PotteryConfiguration<K, V> decode(byte[] record, ClassLoader classLoader) {
        return decode(record, classLoader, List.of());
    }

    /**
     * Reads a recorded configuration, resolving classes with {@code classLoader}, under a deserialization
     * filter (the record is bytes in Redis, which whoever can write there chooses): the JDK's value types,
     * the spec's own classes ({@code javax.cache.**}: configurations, factories, expiry policies), the
     * application's implementations of the spec's interfaces a configuration holds (factories, listeners,
     * event filters, loaders, writers, expiry policies: code written for the cache on purpose), and what
     * {@code allowPatterns} allows. Anything else in the record (a custom key or value type, a field of a
     * listener) makes it unreadable, naming the class: allow it with {@value ManagerSettings#SERIALIZATION_ALLOW}.
     *
     * @throws CodecException if the record is not a configuration or names a class that is not allowed
     */
    @SuppressWarnings("unchecked")
    public static <K, V> PotteryConfiguration<K, V> decode(byte[] record, ClassLoader classLoader,
                                                           List<String> allowPatterns) {
        Object decoded = SerializingCodec.with(classLoader).allowPatterns(allowPatterns)
                .allowPatterns(RECORD_CLASSES).allowSubtypesOf(Factory.class, CacheEntryListener.class,
                        CacheEntryEventFilter.class, CacheLoader.class, CacheWriter.class, ExpiryPolicy.class)
                .decode(record);
        if (!(decoded instanceof CompleteConfiguration<?, ?>)) {
            throw new CodecException("not a cache configuration: a "
                    + (decoded == null ? "null" : decoded.getClass().getName()));
        }
        if (decoded instanceof PotteryConfiguration<?, ?> pottery) {
            return (PotteryConfiguration<K, V>) pottery;
        }
        // Recorded before codec names were: every cache then used Java serialization.
        return new PotteryConfiguration<>((CompleteConfiguration<K, V>) decoded)
                .codecNames(CodecNames.JAVA, CodecNames.JAVA);
    }

    private static <T> SerializingCodec<T> writer() {
        return SerializingCodec.<T>create().allowPatterns("*");
    }

    private static <K, V> void keepIfSerializable(MutableConfiguration<K, V> plain, Runnable change) {
        MutableConfiguration<K, V> before = new MutableConfiguration<>(plain);
        change.run();
        try {
            writer().encode(plain);
        } catch (CodecException e) {
            restore(plain, before);
        }
    }

    private static <K, V> void restore(MutableConfiguration<K, V> target, MutableConfiguration<K, V> before) {
        target.setExpiryPolicyFactory(before.getExpiryPolicyFactory());
        target.setCacheLoaderFactory(before.getCacheLoaderFactory());
        target.setCacheWriterFactory(before.getCacheWriterFactory());
        java.util.List<CacheEntryListenerConfiguration<K, V>> current = new java.util.ArrayList<>();
        target.getCacheEntryListenerConfigurations().forEach(current::add);
        for (CacheEntryListenerConfiguration<K, V> listener : current) {
            boolean kept = false;
            for (CacheEntryListenerConfiguration<K, V> old : before.getCacheEntryListenerConfigurations()) {
                kept |= old.equals(listener);
            }
            if (!kept) {
                target.removeCacheEntryListenerConfiguration(listener);
            }
        }
    }
}
