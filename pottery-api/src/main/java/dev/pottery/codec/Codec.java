package dev.pottery.codec;

/**
 * Turns values into the bytes Redis stores, and back.
 *
 * <pre>{@code
 * Codec<Object> json = JsonCodec.natural();
 * byte[] bytes = json.encode(List.of(1, "a"));   // the bytes of [1, "a"], as Python pottery writes them
 * Object back = json.decode(bytes, "my-key");     // [1, "a"]: a List of Long and String
 * }</pre>
 *
 * <p>Implementations must be thread-safe and deterministic: equal values encode to equal bytes,
 * because Redis compares hash fields, set members and list elements by their bytes.
 *
 * @param <T> the type of values
 */
public interface Codec<T> {

    /**
     * Encodes a value.
     *
     * @throws CodecException if the value cannot be encoded by this codec
     */
    byte[] encode(T value);

    /**
     * Decodes bytes that {@link #encode} produced (here or in another process).
     *
     * @throws CodecException if the bytes are not a valid encoding
     */
    T decode(byte[] bytes);

    /**
     * Decodes bytes read from a Redis key; a failure names the key.
     *
     * @throws CodecException naming {@code redisKey} and carrying the bytes ({@link CodecException#bytes()})
     *     if they are not a valid encoding
     */
    default T decode(byte[] bytes, String redisKey) {
        try {
            return decode(bytes);
        } catch (CodecException e) {
            throw e.forKey(redisKey, bytes);
        } catch (RuntimeException e) {
            throw new CodecException("cannot decode " + CodecException.preview(bytes) + ": " + e.getMessage(), redisKey,
                    bytes, e);
        }
    }
}
