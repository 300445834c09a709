package dev.pottery.jcache;

/**
 * Shows an encoded key in a message: its decoded form if it is a plain value (see
 * {@link FailureText#key(Object)}), else its type, never the object's own text.
 *
 * <pre>{@code
 * KeyText text = bytes -> FailureText.key(codec.decodeKey(bytes));
 * throw new CacheException("Redis failed for " + text.of(key) + " of cache users");
 * }</pre>
 */
@FunctionalInterface
interface KeyText {

    /** "key 'text'", "a key of type T", or "a key" if the bytes cannot be decoded. */
    String of(byte[] encodedKey);
}
