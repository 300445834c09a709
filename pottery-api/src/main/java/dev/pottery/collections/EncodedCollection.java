package dev.pottery.collections;

import dev.pottery.codec.Codec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * What {@link RedisList} and {@link RedisSet} share: the element codec with the encoding rules of
 * {@link CollectionCodecs} (a null is stored when the codec can encode it; a query the codec cannot
 * encode matches nothing), and the text form {@code [a, b]} that {@link java.util.AbstractCollection}
 * writes.
 */
abstract class EncodedCollection<E> extends RedisBacked implements Collection<E> {

    private final Codec<E> codec;

    EncodedCollection(UnifiedJedis redis, String key, Codec<E> codec) {
        super(redis, key);
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * The codec of elements.
     *
     * @return the codec
     */
    public Codec<E> codec() {
        return codec;
    }

    /** {@inheritDoc} {@code [a, b]} as {@link java.util.AbstractCollection} writes it, read as iteration reads. */
    @Override
    public String toString() {
        return StreamedText.of(iterator());
    }

    // ---- encoding, shared with the views and the set algebra ----

    byte[] encode(E e) {
        return CollectionCodecs.forWriteNullable(codec, e, "element", key());
    }

    E decode(byte[] element) {
        return codec.decode(element, key());
    }

    /** Every element encoded, before anything is written. */
    List<byte[]> encodeAll(Collection<? extends E> elements) {
        Objects.requireNonNull(elements, "elements");
        List<byte[]> encoded = new ArrayList<>(elements.size());
        for (E e : elements) {
            encoded.add(encode(e));
        }
        return encoded;
    }

    /** The encoding of an object looked up, or null when the codec cannot encode it (then nothing equals it). */
    byte[] query(Object o) {
        return CollectionCodecs.forQueryNullable(codec, o);
    }

    /** The encodings of the objects looked up, leaving out those that cannot be stored. */
    List<byte[]> queryAll(Collection<?> elements) {
        Objects.requireNonNull(elements, "elements");
        List<byte[]> encoded = new ArrayList<>(elements.size());
        for (Object o : elements) {
            byte[] element = query(o);
            if (element != null) {
                encoded.add(element);
            }
        }
        return encoded;
    }

    /** The encodings of all the objects looked up, or null when one cannot be encoded (so is not present). */
    List<byte[]> queryEach(Collection<?> elements) {
        List<byte[]> encoded = new ArrayList<>(elements.size());
        for (Object o : elements) {
            byte[] element = query(o);
            if (element == null) {
                return null;
            }
            encoded.add(element);
        }
        return encoded;
    }
}
