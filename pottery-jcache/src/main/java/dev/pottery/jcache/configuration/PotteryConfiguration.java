package dev.pottery.jcache.configuration;

import dev.pottery.codec.Codec;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;

/**
 * A standard {@link MutableConfiguration} plus Pottery's choices: the codecs that turn keys and values into
 * Redis bytes (Java serialization by default, i.e. store-by-value) and a namespace that overrides the
 * manager's for this cache.
 *
 * <pre>{@code
 * PotteryConfiguration<String, Object> config = new PotteryConfiguration<String, Object>()
 *         .codecs(StringCodec.utf8(), JsonCodec.natural())
 *         .namespace("shared-with-python");
 * config.setTypes(String.class, Object.class);
 * Cache<String, Object> cache = manager.createCache("profiles", config);
 * }</pre>
 *
 * <p>Codecs must be deterministic: equal keys must encode to equal bytes. They are not recorded in Redis
 * (a codec is code); a second JVM opening the cache by name gets the default codecs unless it creates the
 * cache with the same PotteryConfiguration.
 *
 * @param <K> key type
 * @param <V> value type
 */
public class PotteryConfiguration<K, V> extends MutableConfiguration<K, V> {

    private static final long serialVersionUID = 1L;

    private transient Codec<K> keyCodec;
    private transient Codec<V> valueCodec;
    private String namespace;

    /** A configuration with the standard defaults. */
    public PotteryConfiguration() {
    }

    /** A copy of another configuration (a PotteryConfiguration's codecs and namespace included). */
    public PotteryConfiguration(CompleteConfiguration<K, V> configuration) {
        super(configuration);
        if (configuration instanceof PotteryConfiguration<K, V> pottery) {
            this.keyCodec = pottery.keyCodec;
            this.valueCodec = pottery.valueCodec;
            this.namespace = pottery.namespace;
        }
    }

    /** Sets the codecs for keys and values (null for the default, Java serialization). */
    public PotteryConfiguration<K, V> codecs(Codec<K> keyCodec, Codec<V> valueCodec) {
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        return this;
    }

    /** Sets the namespace of this cache's keys (null for the manager's). */
    public PotteryConfiguration<K, V> namespace(String namespace) {
        this.namespace = namespace;
        return this;
    }

    /** The key codec, or null for the default. */
    public Codec<K> keyCodec() {
        return keyCodec;
    }

    /** The value codec, or null for the default. */
    public Codec<V> valueCodec() {
        return valueCodec;
    }

    /** The namespace, or null for the manager's. */
    public String namespace() {
        return namespace;
    }
}
