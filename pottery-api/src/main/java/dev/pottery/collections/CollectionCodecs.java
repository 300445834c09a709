package dev.pottery.collections;

import dev.pottery.codec.Codec;
import dev.pottery.codec.CodecException;
import dev.pottery.codec.JsonCodec;
import java.util.Objects;

/**
 * Encoding rules shared by the map, set and list: a value that cannot be written is an
 * {@link IllegalArgumentException} (what {@code java.util} prescribes for "some property of the element
 * prevents it from being added"), while a query about a value that cannot be encoded simply cannot
 * match anything stored, as in Python pottery.
 */
final class CollectionCodecs {

    private CollectionCodecs() {
    }

    /** The default codec, Python pottery's JSON, typed for the caller's element type. */
    @SuppressWarnings("unchecked")
    static <T> Codec<T> natural() {
        return (Codec<T>) JsonCodec.natural();
    }

    /**
     * Encodes a map key or value about to be stored; a concurrent map holds no nulls.
     *
     * @throws NullPointerException if the value is null
     * @throws IllegalArgumentException naming the key when the codec rejects the value
     */
    static <T> byte[] forWrite(Codec<T> codec, T value, String what, String key) {
        Objects.requireNonNull(value, what);
        return forWriteNullable(codec, value, what, key);
    }

    /**
     * Encodes an element about to be stored; null is stored when the codec can encode it (JSON's
     * {@code null}, as Python's {@code None} is), so Python lists and sets holding None round-trip.
     *
     * @throws NullPointerException if the value is null and the codec cannot encode null
     * @throws IllegalArgumentException naming the key when the codec rejects the value
     */
    static <T> byte[] forWriteNullable(Codec<T> codec, T value, String what, String key) {
        try {
            return codec.encode(value);
        } catch (CodecException | ClassCastException e) {
            if (value == null) {
                throw new NullPointerException(codec + " cannot store a null " + what + " (Redis key '" + key + "')");
            }
            throw new IllegalArgumentException("cannot store " + what + " of type " + value.getClass().getName()
                    + " in Redis key '" + key + "' with " + codec + ": " + e.getMessage(), e);
        }
    }

    /**
     * Encodes a map key or value used only to look something up; null when it cannot be encoded
     * (nothing stored can equal it).
     *
     * @throws NullPointerException if the value is null
     */
    static <T> byte[] forQuery(Codec<T> codec, Object value, String what) {
        Objects.requireNonNull(value, what);
        return forQueryNullable(codec, value);
    }

    /** Encodes an element used only to look something up (null allowed); null when it cannot be encoded. */
    @SuppressWarnings("unchecked")
    static <T> byte[] forQueryNullable(Codec<T> codec, Object value) {
        try {
            return codec.encode((T) value);
        } catch (CodecException | ClassCastException e) {
            return null;
        }
    }
}
