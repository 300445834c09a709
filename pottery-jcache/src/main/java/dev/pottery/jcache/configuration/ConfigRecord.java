package dev.pottery.jcache.configuration;

import dev.pottery.codec.CodecException;
import dev.pottery.codec.SerializingCodec;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;

/**
 * A cache's configuration as recorded in Redis (Java serialization of a {@link MutableConfiguration}), so a
 * second manager or JVM that opens the cache by name gets the same types, expiry, loader, writer, listeners
 * and flags.
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

    private ConfigRecord() {
    }

    /** Serializes a configuration, dropping the parts that cannot be serialized. */
    public static <K, V> byte[] encode(CompleteConfiguration<K, V> configuration) {
        SerializingCodec<MutableConfiguration<K, V>> codec = SerializingCodec.create();
        MutableConfiguration<K, V> copy = new MutableConfiguration<>(configuration);
        try {
            return codec.encode(copy);
        } catch (CodecException e) {
            MutableConfiguration<K, V> plain = new MutableConfiguration<K, V>()
                    .setTypes(configuration.getKeyType(), configuration.getValueType())
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

    /** Reads a recorded configuration, resolving classes with {@code classLoader}. */
    @SuppressWarnings("unchecked")
    public static <K, V> CompleteConfiguration<K, V> decode(byte[] record, ClassLoader classLoader) {
        return (CompleteConfiguration<K, V>) SerializingCodec.with(classLoader).decode(record);
    }

    private static <K, V> void keepIfSerializable(MutableConfiguration<K, V> plain, Runnable change) {
        MutableConfiguration<K, V> before = new MutableConfiguration<>(plain);
        change.run();
        try {
            SerializingCodec.create().encode(plain);
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
