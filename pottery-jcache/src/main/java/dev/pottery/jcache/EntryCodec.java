package dev.pottery.jcache;

import dev.pottery.codec.Codec;
import dev.pottery.codec.CodecException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.cache.CacheException;

/**
 * Turns a cache's keys and values into Redis bytes and back with its two codecs. A failure is a
 * {@link CacheException} that names the cache, the server and (where known) the key, with the
 * {@link CodecException} as its cause.
 *
 * <pre>{@code
 * EntryCodec<String, Integer> codec = new EntryCodec<>(StringCodec.utf8(), myCodec, "cache scores (Redis host:6379)", "...:entries");
 * byte[] k = codec.encodeKey("ada");
 * Integer v = codec.decodeValue("ada", bytes);
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
final class EntryCodec<K, V> {

    private final Codec<K> keyCodec;
    private final Codec<V> valueCodec;
    private final String where;
    private final String redisKey;

    /** Codecs for the cache {@code where} names, whose entries hash is {@code redisKey}. */
    EntryCodec(Codec<K> keyCodec, Codec<V> valueCodec, String where, String redisKey) {
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.where = where;
        this.redisKey = redisKey;
    }

    Codec<K> keyCodec() {
        return keyCodec;
    }

    Codec<V> valueCodec() {
        return valueCodec;
    }

    /** Encodes a key; a key that cannot be encoded is a CacheException naming its type. */
    byte[] encodeKey(K key) {
        try {
            return keyCodec.encode(key);
        } catch (CodecException e) {
            throw new CacheException("cannot store key of type " + key.getClass().getName() + " in " + where + ": "
                    + e.getMessage(), e);
        }
    }

    /** Encodes keys, in their iteration order. */
    List<byte[]> encodeKeys(Collection<? extends K> keys) {
        List<byte[]> encoded = new ArrayList<>(keys.size());
        for (K key : keys) {
            encoded.add(encodeKey(key));
        }
        return encoded;
    }

    /** Encodes the value for {@code key}; a value that cannot be encoded is a CacheException naming its type and the key. */
    byte[] encodeValue(K key, V value) {
        try {
            return valueCodec.encode(value);
        } catch (CodecException e) {
            throw new CacheException("cannot store the value of type " + value.getClass().getName() + " for "
                    + FailureText.key(key) + " in " + where + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a key read from Redis. */
    K decodeKey(byte[] bytes) {
        try {
            return keyCodec.decode(bytes, redisKey);
        } catch (CodecException e) {
            throw new CacheException("cannot read a key of " + where + ": " + e.getMessage(), e);
        }
    }

    /** Decodes the value read from Redis for {@code key}, naming the key if it cannot be read (null stays null). */
    V decodeValue(K key, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return valueCodec.decode(bytes, redisKey);
        } catch (CodecException e) {
            throw new CacheException("cannot read the value of " + FailureText.key(key) + " in " + where + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code stored} (bytes read from Redis) holds a value equal to {@code expected}: the same bytes, or
     * (for codecs whose bytes are not canonical, such as Java serialization of a HashSet) an equal value
     * once decoded.
     */
    boolean holds(K key, byte[] stored, byte[] expectedBytes, V expected) {
        if (stored == null) {
            return false;
        }
        return java.util.Arrays.equals(stored, expectedBytes) || Objects.equals(decodeValue(key, stored), expected);
    }

    /** Shows an encoded key in a message (see {@link KeyText}). */
    String keyText(byte[] key) {
        try {
            return FailureText.key(keyCodec.decode(key));
        } catch (RuntimeException e) {
            return "a key";
        }
    }
}
