package dev.pottery.jcache.configuration;

import dev.pottery.codec.Codec;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;

/**
 * A standard {@link MutableConfiguration} plus Pottery's choices: the codecs that turn keys and values into
 * Redis bytes and a namespace that overrides the manager's for this cache.
 *
 * <pre>{@code
 * PotteryConfiguration<String, Object> config = new PotteryConfiguration<String, Object>()
 *         .codecs(StringCodec.utf8(), JsonCodec.natural())
 *         .namespace("shared-with-python");
 * config.setTypes(String.class, Object.class);
 * Cache<String, Object> cache = manager.createCache("profiles", config);
 * }</pre>
 *
 * <p>Without codecs, a cache uses the default for each declared type ({@link CodecNames#defaultFor}): UTF-8
 * for String, decimal text for Long and Integer (and the other scalars {@code TextCodec} stores), raw bytes
 * for {@code byte[]}, and Java serialization under the manager's deserialization allow-list for anything else.
 * Codecs are given as instances ({@link #codecs}) or by name ({@link #codecNames}); either way the cache
 * records their names with its configuration in Redis, so a JVM that opens it by name
 * ({@code getCache(name)}) decodes with the same codecs — or, for an instance whose class has no public
 * no-argument constructor, refuses with a message that says so. Codecs must be deterministic: equal keys
 * must encode to equal bytes.
 *
 * @param <K> key type
 * @param <V> value type
 */
public class PotteryConfiguration<K, V> extends MutableConfiguration<K, V> {

    private static final long serialVersionUID = 2L;

    private transient Codec<K> keyCodec;
    private transient Codec<V> valueCodec;
    private String keyCodecName;
    private String valueCodecName;
    private String namespace;
    private NearCacheSettings nearCache;
    private boolean nearCacheSet;

    /** A configuration with the standard defaults. */
    public PotteryConfiguration() {
    }

    /** A copy of another configuration (a PotteryConfiguration's codecs and namespace included). */
    public PotteryConfiguration(CompleteConfiguration<K, V> configuration) {
        super(configuration);
        if (configuration instanceof PotteryConfiguration<K, V> pottery) {
            this.keyCodec = pottery.keyCodec;
            this.valueCodec = pottery.valueCodec;
            this.keyCodecName = pottery.keyCodecName;
            this.valueCodecName = pottery.valueCodecName;
            this.namespace = pottery.namespace;
            this.nearCache = pottery.nearCache;
            this.nearCacheSet = pottery.nearCacheSet;
        }
    }

    /** Sets the codecs for keys and values (null for the declared type's default). */
    public PotteryConfiguration<K, V> codecs(Codec<K> keyCodec, Codec<V> valueCodec) {
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.keyCodecName = null;
        this.valueCodecName = null;
        return this;
    }

    /**
     * Sets the codecs for keys and values by name (see {@link CodecNames}: {@code java}, {@code string},
     * {@code bytes}, {@code text}, {@code json} or a codec class name; null for the declared type's default).
     * A name that does not fit the declared type fails when the cache is created.
     */
    public PotteryConfiguration<K, V> codecNames(String keyCodecName, String valueCodecName) {
        this.keyCodec = null;
        this.valueCodec = null;
        this.keyCodecName = keyCodecName;
        this.valueCodecName = valueCodecName;
        return this;
    }

    /** Sets the namespace of this cache's keys (null for the manager's). */
    public PotteryConfiguration<K, V> namespace(String namespace) {
        this.namespace = namespace;
        return this;
    }

    /**
     * Gives this cache a near cache (or, with null, none, whatever the manager's default): each JVM keeps the
     * entries it read recently, and reads them again without a round trip (see {@link NearCacheSettings}). A
     * cache whose expiry policy changes an entry's expiry when it is read (an access duration, as
     * {@code AccessedExpiryPolicy} and {@code TouchedExpiryPolicy} have, or any policy other than the five
     * standard ones) has none: a read must reach Redis to extend the entry's life.
     */
    public PotteryConfiguration<K, V> nearCache(NearCacheSettings settings) {
        this.nearCache = settings;
        this.nearCacheSet = true;
        return this;
    }

    /** The near cache asked for, or null (none asked for, or none at all: see {@link #nearCacheSet()}). */
    public NearCacheSettings nearCache() {
        return nearCache;
    }

    /** Whether this configuration says whether to have a near cache (else the manager's default applies). */
    public boolean nearCacheSet() {
        return nearCacheSet;
    }

    /** The key codec instance given, or null (then {@link #keyCodecName()} or the default). */
    public Codec<K> keyCodec() {
        return keyCodec;
    }

    /** The value codec instance given, or null (then {@link #valueCodecName()} or the default). */
    public Codec<V> valueCodec() {
        return valueCodec;
    }

    /** The key codec's name, when given by name (or recorded), or null. */
    public String keyCodecName() {
        return keyCodecName;
    }

    /** The value codec's name, when given by name (or recorded), or null. */
    public String valueCodecName() {
        return valueCodecName;
    }

    /** The namespace, or null for the manager's. */
    public String namespace() {
        return namespace;
    }
}
