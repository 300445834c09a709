package dev.pottery.jcache;

import dev.pottery.codec.CodecException;
import dev.pottery.jcache.configuration.ConfigRecord;
import dev.pottery.jcache.configuration.PotteryConfiguration;
import java.util.List;
import java.util.Objects;
import javax.cache.CacheException;

/**
 * The configurations a manager's caches record in Redis, so that any manager or JVM opening a cache by name
 * gets its settings: types, expiry, loader, writer, listeners, flags, codec names and namespace. A cache kept
 * in a namespace other than the manager's is recorded there, and a copy (a pointer, by its namespace) under
 * the manager's namespace lets {@code getCache(name)} find it again.
 *
 * <pre>{@code
 * records.record("profiles", open.recorded(), open.store());       // createCache
 * PotteryConfiguration<K, V> recorded = records.read("profiles");   // getCache of a cache not open here
 * }</pre>
 */
final class CacheRecords {

    private final CacheFactory factory;
    private final String namespace;
    private final ClassLoader classLoader;
    private final List<String> allowPatterns;

    /**
     * Records of the manager whose namespace is {@code namespace}; {@code allowPatterns} extends what a
     * record may hold (see {@link ConfigRecord#decode(byte[], ClassLoader, List)}).
     */
    CacheRecords(CacheFactory factory, String namespace, ClassLoader classLoader, List<String> allowPatterns) {
        this.factory = factory;
        this.namespace = namespace;
        this.classLoader = classLoader;
        this.allowPatterns = allowPatterns;
    }

    /** The configuration recorded for {@code name} under the manager's namespace, or null if there is none. */
    <K, V> PotteryConfiguration<K, V> read(String name) {
        return read(factory.probe(name, null));
    }

    /**
     * Records a cache just opened by createCache: at its own namespace, and under the manager's when that
     * differs. A cache recorded with other codecs that still holds entries is refused: its entries would not
     * decode (or would decode as something else) with the new ones.
     *
     * @throws CacheException naming both codec choices, if the cache holds entries written with other codecs
     */
    void record(String name, PotteryConfiguration<?, ?> recorded, CacheStore store) {
        PotteryConfiguration<Object, Object> before = read(store);
        if (before != null && !sameCodecs(before, recorded) && store.holdsEntries()) {
            throw new CacheException(store.where() + " already holds entries written with key codec '"
                    + before.keyCodecName() + "' and value codec '" + before.valueCodecName() + "' (recorded by the"
                    + " manager that created it), not '" + recorded.keyCodecName() + "' and '"
                    + recorded.valueCodecName() + "' as this configuration asks: create it with the same codecs"
                    + " (or the same declared types), or destroy it first (CacheManager.destroyCache)");
        }
        byte[] record = ConfigRecord.encode(recorded);
        store.writeConfig(record);
        if (!namespace.equals(recorded.namespace())) {
            factory.probe(name, null).writeConfig(record);
        }
    }

    /** Deletes a cache's entries and record, and the pointer under the manager's namespace. */
    void destroy(String name, CacheStore open) {
        CacheStore here = factory.probe(name, null);
        CacheStore store = open;
        if (store == null) {
            PotteryConfiguration<Object, Object> recorded = read(here);
            store = recorded == null ? here : factory.probe(name, recorded.namespace());
        }
        store.destroy();
        if (!store.keys().config().equals(here.keys().config())) {
            here.forgetConfig();
        }
    }

    private <K, V> PotteryConfiguration<K, V> read(CacheStore store) {
        byte[] record = store.readConfig();
        if (record == null) {
            return null;
        }
        try {
            return ConfigRecord.decode(record, classLoader, allowPatterns);
        } catch (CodecException e) {
            throw new CacheException("cannot read the configuration of " + store.where() + " recorded at "
                    + store.keys().config() + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameCodecs(PotteryConfiguration<?, ?> one, PotteryConfiguration<?, ?> other) {
        return Objects.equals(one.keyCodecName(), other.keyCodecName())
                && Objects.equals(one.valueCodecName(), other.valueCodecName());
    }
}
