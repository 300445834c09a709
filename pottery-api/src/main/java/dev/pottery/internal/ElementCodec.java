package dev.pottery.internal;

import dev.pottery.codec.Codec;
import dev.pottery.codec.CodecException;
import dev.pottery.codec.JsonCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A collection's codec with the collection's rules, the one place where every Redis-backed type turns
 * its elements (map keys, map values) into bytes and back:
 * <ul>
 *   <li>a value about to be stored that the codec refuses is an {@link IllegalArgumentException} naming
 *       the Redis key, the value's class and the codec's reason ("some property of the element prevents
 *       it from being added", as {@code java.util} puts it);</li>
 *   <li>a value only looked up that the codec cannot encode matches nothing stored (Python pottery:
 *       {@code object() in s} is false), so {@link #query} answers null;</li>
 *   <li>a {@code null} is {@link Nulls#STORED stored} (JSON {@code null}, Python's {@code None}), only
 *       {@link Nulls#LOOKED_UP looked up} (a {@code BlockingQueue} refuses null insertions but finds a
 *       None Python wrote), or {@link Nulls#REFUSED refused} with {@link NullPointerException}
 *       ({@code ConcurrentMap});</li>
 *   <li>stored bytes the codec cannot decode are a {@link CodecException} naming the Redis key and
 *       carrying the bytes.</li>
 * </ul>
 *
 * @param <E> the type of values
 */
public final class ElementCodec<E> {

    /** What a collection does with {@code null}. */
    public enum Nulls {
        /** Stored as the codec encodes it, and found. */
        STORED,
        /** Refused when stored ({@link NullPointerException}), found when looked up. */
        LOOKED_UP,
        /** Refused when stored and when looked up ({@link NullPointerException}). */
        REFUSED
    }

    private final Codec<E> codec;
    private final String key;
    private final String owner;
    private final String what;
    private final Nulls nulls;
    private final byte[] nullBytes;

    /**
     * @param codec the codec
     * @param key the Redis key, for messages
     * @param owner the collection type, for messages ({@code RedisMap})
     * @param what what the values are, for messages ({@code element}, {@code key}, {@code value})
     * @param nulls what to do with {@code null}
     */
    public ElementCodec(Codec<E> codec, String key, String owner, String what, Nulls nulls) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.key = key;
        this.owner = owner;
        this.what = what;
        this.nulls = nulls;
        this.nullBytes = encodeQuietly(codec, null);
    }

    /** The default codec of every collection, Python pottery's JSON, typed for the caller's element type. */
    @SuppressWarnings("unchecked")
    public static <T> Codec<T> natural() {
        return (Codec<T>) JsonCodec.natural();
    }

    /** The codec. */
    public Codec<E> codec() {
        return codec;
    }

    /**
     * The codec's encoding of {@code null}: how a Python {@code None} is stored ({@code null} for JSON),
     * or empty when the codec cannot encode null.
     */
    public Optional<byte[]> nullBytes() {
        return Optional.ofNullable(nullBytes).map(byte[]::clone);
    }

    /**
     * Encodes a value about to be stored.
     *
     * @throws NullPointerException if the value is null and nulls are not stored (or the codec cannot encode null)
     * @throws IllegalArgumentException naming the Redis key when the codec refuses the value
     */
    public byte[] encode(E value) {
        if (value == null && nulls != Nulls.STORED) {
            throw new NullPointerException(owner + " does not accept a null " + what + " (Redis key '" + key + "')");
        }
        try {
            return codec.encode(value);
        } catch (CodecException | ClassCastException e) {
            if (value == null) {
                throw new NullPointerException(owner + " cannot store a null " + what + ": " + codec
                        + " cannot encode null (Redis key '" + key + "')");
            }
            throw new IllegalArgumentException(owner + " cannot store a " + what + " of type " + value.getClass().getName()
                    + " with " + codec + " (Redis key '" + key + "'): " + e.getMessage(), e);
        }
    }

    /** {@link #encode} of every value; all are encoded before the caller writes anything. */
    public List<byte[]> encodeAll(Collection<? extends E> values) {
        Objects.requireNonNull(values, what + "s");
        List<byte[]> encoded = new ArrayList<>(values.size());
        for (E value : values) {
            encoded.add(encode(value));
        }
        return encoded;
    }

    /**
     * The encoding of a value looked up, or null when the codec cannot encode it (then nothing stored
     * equals it).
     *
     * @throws NullPointerException if {@code o} is null and nulls are {@link Nulls#REFUSED}
     */
    public byte[] query(Object o) {
        if (o == null) {
            if (nulls == Nulls.REFUSED) {
                throw new NullPointerException(owner + " holds no null " + what + "s (Redis key '" + key + "')");
            }
            return nullBytes;
        }
        @SuppressWarnings("unchecked")
        E value = (E) o;
        return encodeQuietly(codec, value);
    }

    /** The encodings of the values looked up, leaving out those that cannot be stored. */
    public List<byte[]> queryAll(Collection<?> values) {
        Objects.requireNonNull(values, what + "s");
        List<byte[]> encoded = new ArrayList<>(values.size());
        for (Object o : values) {
            byte[] bytes = query(o);
            if (bytes != null) {
                encoded.add(bytes);
            }
        }
        return encoded;
    }

    /** The encodings of all the values looked up, or null when one cannot be encoded (so is not present). */
    public List<byte[]> queryEach(Collection<?> values) {
        Objects.requireNonNull(values, what + "s");
        List<byte[]> encoded = new ArrayList<>(values.size());
        for (Object o : values) {
            byte[] bytes = query(o);
            if (bytes == null) {
                return null;
            }
            encoded.add(bytes);
        }
        return encoded;
    }

    /**
     * Decodes stored bytes.
     *
     * @throws CodecException naming the Redis key and carrying the bytes when they do not decode
     */
    public E decode(byte[] bytes) {
        return codec.decode(bytes, key);
    }

    /**
     * Decodes bytes that an operation has already changed in Redis (the old value of a {@code put}, the
     * element a {@code remove} took out), saying so when they do not decode.
     *
     * @param done what the operation did, e.g. {@code "the new value was stored"}
     * @throws CodecException naming the Redis key, carrying the bytes, and saying what was done
     */
    public E decodeAfter(byte[] bytes, String done) {
        try {
            return decode(bytes);
        } catch (CodecException e) {
            throw e.withNote(done);
        }
    }

    /** {@link #decode} of every item, in order. */
    public List<E> decodeAll(List<byte[]> items) {
        List<E> decoded = new ArrayList<>(items.size());
        for (byte[] bytes : items) {
            decoded.add(decode(bytes));
        }
        return decoded;
    }

    private static <E> byte[] encodeQuietly(Codec<E> codec, E value) {
        try {
            return codec.encode(value);
        } catch (RuntimeException cannot) {
            return null; // as pottery: a value the codec cannot encode is simply not present
        }
    }

    @Override
    public String toString() {
        return owner + " " + what + "s with " + codec;
    }
}
